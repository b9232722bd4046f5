"""The O(N²) list-membership tests of Pelican 4.12.0 made O(1), output unchanged.

Each of these tests an article against a list that grows with the archive, so their cost grows
with the square of the number of articles (at 10,000 articles several seconds each, at 100,000
articles minutes):

- `process_translations` (pelican.utils, called by the generators): its last step keeps every
  item `not in` the list of originals;
- `ArticlesGenerator._build_period_archives`: every article is tested `in` each period's list,
  once per granularity (year, month);
- `generate_tags` / `generate_categories` / `generate_authors`: each listing filters the whole
  date-sorted list by `article in articles`, the listing's own list.

The fixes: the first two are replaced by the same computation with membership tested on object
identity (Pelican's Content defines no `__eq__`, so `in` already meant identity); for the third no
method is replaced: each listing's list becomes an `IdentityList`, a list whose `in` looks up a set
of ids. tests/test_pelican_fixes.py builds a site with and without them and compares every byte.

Written against Pelican 4.12.0 only: on any other version the build stops with an error saying
what to do (check these three places in the new Pelican, then raise `PELICAN_VERSION`).
`NEWSARCHIVE_PELICAN_FIXES = False` builds without them (used by that test).
"""

from __future__ import annotations

from importlib.metadata import version
from itertools import groupby
from operator import attrgetter
from typing import Any

from pelican import generators, utils
from pelican.generators import ArticlesGenerator

PELICAN_VERSION = "4.12.0"
SETTING = "NEWSARCHIVE_PELICAN_FIXES"

_original_process_translations = utils.process_translations
_original_build_period_archives = ArticlesGenerator._build_period_archives


class PelicanVersionError(RuntimeError):
    """The installed Pelican is not the one these fixes were written for."""


class IdentityList(list):
    """A list whose `in` is a set lookup by identity (what `in` means for Pelican's Content)."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item: object) -> bool:
        return id(item) in self._ids


def process_translations(content_list: list[Any], translation_id: Any = None) -> tuple[list, list]:
    """Pelican's `process_translations` with its final membership test made O(1)."""
    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except (TypeError, AttributeError):
        return _original_process_translations(content_list, translation_id)  # its messages
    index: list[Any] = []
    for id_vals, group in groupby(content_list, attrgetter(*translation_id)):
        id_vals = (id_vals,) if len(translation_id) == 1 else id_vals
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(
            *translation_id
        ).format(*id_vals)
        items = list(group)
        index.extend(utils.get_original_items(items, with_str))
        for a in items:
            a.translations = [x for x in items if x != a]
    originals = IdentityList(index)
    return index, [x for x in content_list if x not in originals]


def _build_period_archives(self: Any, sorted_articles: list, articles: list,
                           settings: dict) -> Any:
    """Pelican's period archives, each period's `articles` filled by identity."""
    archives = _original_build_period_archives(self, sorted_articles, [], settings)
    for periods in archives.values():
        for archive in periods:
            in_period = IdentityList(archive["dates"])
            archive["articles"] = [a for a in articles if a in in_period]
    return archives


def index_listings(generator: Any) -> None:
    """`article_generator_finalized`: each tag's, category's and author's list of articles
    becomes an IdentityList (same items, same order), so the listing pages' filter is linear."""
    if not generator.settings.get(SETTING, True):
        return
    for tag, articles in list(generator.tags.items()):
        generator.tags[tag] = IdentityList(articles)
    generator.categories[:] = [(name, IdentityList(items)) for name, items in generator.categories]
    generator.authors[:] = [(name, IdentityList(items)) for name, items in generator.authors]


def install(pelican: Any) -> None:
    """`initialized`: check the Pelican version, then put the two replacements in place (once
    per process; a build with the setting off puts Pelican's own back)."""
    if not pelican.settings.get(SETTING, True):
        generators.process_translations = _original_process_translations
        ArticlesGenerator._build_period_archives = _original_build_period_archives
        return
    installed = version("pelican")
    if installed != PELICAN_VERSION:
        raise PelicanVersionError(
            f"the newsarchive plugin's fixes to Pelican ({__file__}) were written for Pelican "
            f"{PELICAN_VERSION}, but {installed} is installed: install pelican=={PELICAN_VERSION} "
            "(constraints.txt), or check process_translations, _build_period_archives and "
            "generate_tags/categories/authors in the new version and update PELICAN_VERSION")
    generators.process_translations = process_translations
    ArticlesGenerator._build_period_archives = _build_period_archives
