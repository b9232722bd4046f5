"""Remove super-linear and idle costs from Pelican 4.12 and pagefind 1.5.2, output unchanged.

Measured with `python -m bench` (docs/benchmarks.md):

- pagefind's Python service sleeps 0.1 s before reading each response, so indexing page by page
  runs at 10 pages/s whatever the machine (≈ 1,000 s of idle time at 10,000 articles);
- Pelican tests membership in lists where the lists grow with the archive: `process_translations`
  (every article against every original), period archives (every article against each period) and
  tag/category/author pages (`[a for a in dates if a in articles]`: each page filters the whole
  date-sorted list, ~1.25 million tests for 125 tags at 10,000 articles, on every build) — O(N²)
  in all; membership is tested by identity, and each listing's own articles are sorted by their
  position in the date list instead, which gives the same list;
- Pelican writes an archive's Atom feeds before its article pages, and Pagefind (indexing the
  article pages on the other core as they are written) is the last thing a cold build waits
  for: the pages go first, so it starts ~1.5 s earlier at 10,000 articles (138 feeds of 50 full
  articles); on an incremental build the article pages that will be written go before the
  others (`BuildState.changed_first`), so a re-indexed bundle gets its changed page at the
  start of the write phase; every file is the same, only the order they are written in changes;
- Python's cyclic garbage collector rescans every live object at each full collection, and a build
  keeps hundreds of thousands alive until it ends (the loaded content cache, every Article, tag
  and URL): they are moved out of its reach (`gc.freeze`) once loaded and once read, and again
  when the build ends, since the process usually exits then: the interpreter's teardown would
  otherwise run a last full collection and free the whole object graph one by one (measured on
  a warm build of 10,000 articles: 1.8-2.6 s from the build's end to the process's, 0.06-0.12 s
  with everything frozen). A process that builds again (Pelican's --autoreload) gives the last
  build's objects back to the collector when the next build starts;
- every `.url`/`.save_as` access copies the metadata and computes a relative path to format the
  URL pattern again (~12% of a build): the result is kept per article, keyed on the very values
  the pattern uses (`{date}`, `{slug}`, `{lang}`), so a changed slug or date still changes it.

Pelican's Content objects compare by identity (no `__eq__`), so set-of-id lookups give exactly the
same answers. Each patch checks the version it was written against and is skipped otherwise;
`NEWSARCHIVE_SPEEDUPS = False` turns them all off (tests compare both builds byte for byte).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from functools import lru_cache
from importlib.metadata import version
from itertools import chain, groupby
from operator import attrgetter
from string import Formatter
from typing import Any

from pelican import generators, signals, utils
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

from .incremental_writer import current_state

logger = logging.getLogger(__name__)

_installed: set[str] = set()


def process_translations(content_list: list[Any], translation_id: Any = None) -> tuple[list, list]:
    """Pelican's `process_translations` with its final list-membership test made O(1)."""
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
    originals = {id(x) for x in index}
    return index, [x for x in content_list if id(x) not in originals]


_original_process_translations = utils.process_translations
_original_build_period_archives = ArticlesGenerator._build_period_archives


def _build_period_archives(self: Any, sorted_articles: list, articles: list,
                           settings: dict) -> Any:
    """Pelican's period archives, filling each period's `articles` in one pass per period."""
    archives = _original_build_period_archives(self, sorted_articles, [], settings)
    for periods in archives.values():
        for archive in periods:
            in_period = {id(a) for a in archive["dates"]}
            archive["articles"] = [a for a in articles if id(a) in in_period]
    return archives


# Pattern fields whose values url_format takes from these attributes (not from metadata).
_CACHEABLE_FIELDS = {"slug", "date", "lang"}
_original_expand_settings = Content._expand_settings


@lru_cache(maxsize=256)
def _fields(pattern: str) -> frozenset[str] | None:
    """Root names of a format pattern's fields; None when one is positional or unnamed."""
    names = set()
    for _, field, _, _ in Formatter().parse(pattern):
        if field is None:
            continue
        root = field.split(".", 1)[0].split("[", 1)[0]
        if not root or root.isdigit():
            return None
        names.add(root)
    return frozenset(names)


def _expand_settings(self: Any, key: str, klass: str | None = None) -> str:
    """Content._expand_settings, remembered per object for patterns of slug/date/lang only."""
    pattern = str(self.settings[f"{klass or self.__class__.__name__}_{key}".upper()])
    fields = _fields(pattern)
    if fields is None or not fields <= _CACHEABLE_FIELDS:
        return _original_expand_settings(self, key, klass)
    values = tuple(getattr(self, name, None) for name in sorted(fields))
    cache = self.__dict__.setdefault("_newsarchive_urls", {})
    cache_key = (pattern, values)
    if cache_key not in cache:
        cache[cache_key] = _original_expand_settings(self, key, klass)
    return cache[cache_key]


class _NoPollDelay:
    """`asyncio` as pagefind.service sees it, except that its poll loop's sleep only yields."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result: Any = None) -> Any:
        # The loop then awaits `readuntil`, which waits for data itself: no busy loop.
        return await asyncio.sleep(0, result)


class ArticleWriteError(Exception):
    """Writing one article's page failed: the message names the article's file first."""

    def __init__(self, source_path: str, cause: Exception) -> None:
        super().__init__(f"{source_path}: its page could not be written: "
                         f"{cause.__class__.__name__}: {cause}")


def _generate_articles(self: ArticlesGenerator, write: Any) -> None:
    """Pelican 4.12's generate_articles; on an incremental build, pages to write go first."""
    articles = [*chain(self.translations, self.articles, self.hidden_translations,
                       self.hidden_articles)]
    state = current_state()
    for article in state.changed_first(articles) if state is not None else articles:
        signals.article_generator_write_article.send(self, content=article)
        try:
            write(article.save_as, self.get_template(article.template), self.context,
                  article=article, category=getattr(article, "category", None),
                  override_output=hasattr(article, "override_save_as"), url=article.url,
                  blog=True)
        except Exception as exc:  # a template error names the template, not the article
            raise ArticleWriteError(article.source_path, exc) from exc


def _listing_writer(kind: str, plural: str, listings: Any) -> Any:
    """Pelican 4.12's generate_tags/categories/authors (the same loop, the same messages), with
    each listing's `dates` taken from its own articles in the order of `self.dates`."""
    name = kind.lower()

    def generate(self: ArticlesGenerator, write: Any) -> None:
        template = self.get_template(name)
        position = {id(article): number for number, article in enumerate(self.dates)}
        for item, articles in listings(self):
            mine = {id(a): a for a in articles if id(a) in position}
            dates = [mine[key] for key in sorted(mine, key=position.__getitem__)]
            try:
                write(item.save_as, template, self.context, url=item.url, **{name: item},
                      articles=articles, dates=dates, template_name=name, blog=True,
                      page_name=item.page_name, all_articles=self.articles)
            except FileOverwriteFailedError:
                if not item.slug:
                    logger.info(f'{kind} "%s" has an invalid slug; skipping writing {name} '
                                "page...", item,
                                extra={"limit_msg": f"Further {plural} with invalid slugs."})
                    continue
                logger.error(f'Failed to write {kind} page for "%s".', item)
                raise

    return generate


def _pages_before_feeds(self: ArticlesGenerator, writer: Any) -> None:
    """Pelican 4.12's ArticlesGenerator.generate_output with the feeds written last."""
    self.generate_pages(writer)
    self.generate_feeds(writer)
    signals.article_writer_finalized.send(self, writer=writer)


def freeze_live_objects(*_: Any) -> None:
    """What is alive now lives until the build ends: keep the collector from rescanning it."""
    gc.freeze()


def release_previous_build(*_: Any) -> None:
    """`get_generators`, as each build starts: what an earlier build in this process left frozen
    goes back to the collector, and the garbage among it is collected now."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def install(pelican: Any) -> None:
    """Apply the patches once per process, unless the setting NEWSARCHIVE_SPEEDUPS is False."""
    if not pelican.settings.get("NEWSARCHIVE_SPEEDUPS", True):
        return
    signals.get_generators.connect(release_previous_build)
    for loaded in (signals.article_generator_preread, signals.article_generator_finalized,
                   signals.all_generators_finalized, signals.finalized):
        loaded.connect(freeze_live_objects)
    if "pelican" not in _installed and version("pelican") == "4.12.0":
        generators.process_translations = process_translations
        ArticlesGenerator._build_period_archives = _build_period_archives
        ArticlesGenerator.generate_output = _pages_before_feeds
        ArticlesGenerator.generate_articles = _generate_articles
        ArticlesGenerator.generate_tags = _listing_writer(
            "Tag", "tags", lambda generator: generator.tags.items())
        ArticlesGenerator.generate_categories = _listing_writer(
            "Category", "categories", lambda generator: generator.categories)
        ArticlesGenerator.generate_authors = _listing_writer(
            "Author", "authors", lambda generator: generator.authors)
        Content._expand_settings = _expand_settings
        _installed.add("pelican")
    if "pagefind" not in _installed and version("pagefind") == "1.5.2":
        import pagefind.service

        pagefind.service.asyncio = _NoPollDelay()  # type: ignore[attr-defined]
        _installed.add("pagefind")
    logger.debug("speedups installed: %s", sorted(_installed))
