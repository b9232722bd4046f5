"""Pelican's Writer, skipping before rendering each page whose file on disk is already current.

A page is skipped when the previous build's manifest holds the same key for it (see
fingerprints.py and `page_key` below) and the file still has the size and mtime that build
recorded; otherwise it is rendered and written exactly as Pelican's own Writer does. A skipped
page fires no `content_written`/`feed_written`: its file on disk is byte for byte what would have
been written. The logic of `write_file`/`write_feed` follows Pelican 4.12.0's (incremental.py
only installs this writer on that version).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .fingerprints import ArticleDigests, digest, encode, sha256_text

logger = logging.getLogger(__name__)


class BuildState:
    """What the previous build recorded and what this build writes (relative paths)."""

    def __init__(self, previous: dict[str, list[Any]] | None) -> None:
        self.previous = previous or {}  # path -> [key, size, mtime_ns]; {} = render everything
        self.written: dict[str, list[Any]] = {}  # path -> [key or None, size, mtime_ns]
        self.skipped = 0
        self.rendered = 0
        self.source_hashes: dict[str, str] = {}  # source files do not change during a build
        self.digests = ArticleDigests(self.source_hashes)
        self._early: ArticleDigests | None = None
        self.guessed_written: set[str] = set()  # save_as of pages article_page_current said

    def is_current(self, relpath: str, fullpath: str, key: str | None) -> bool:
        recorded = self.previous.get(relpath)
        if key is None or recorded is None or recorded[0] != key:
            return False
        try:
            stat = os.stat(fullpath)
        except OSError:
            return False  # deleted by hand: render it again
        return [stat.st_size, stat.st_mtime_ns] == recorded[1:]

    def record(self, relpath: str, fullpath: str, key: str | None) -> None:
        stat = os.stat(fullpath)
        self.written[relpath] = [key, stat.st_size, stat.st_mtime_ns]

    def article_page_current(self, article: Any, fullpath: str) -> list[int] | None:
        """Before writing starts: the recorded [size, mtime_ns] of the article's page if the
        writer will skip it (as far as can be known now), else None. The search index uses it
        to re-index a dirty bundle while the pages are written (search_index.py).

        A guess, not a promise: digests taken now live in their own cache, so an article
        changed later (Pelican resolves `{filename}` links in summaries after every generator
        ran) cannot leave the writer with a stale key; the index checks what is written.
        """
        if not self.previous or hasattr(article, "override_save_as"):
            return None  # a full render, or written with override_output: never skipped
        if self._early is None:
            self._early = ArticleDigests(self.source_hashes)
        save_as = article.save_as
        key = article_key(self._early, article, save_as)
        if not self.is_current(save_as, fullpath, key):
            self.guessed_written.add(save_as)
            return None
        return list(self.previous[save_as][1:])

    def changed_first(self, articles: list[Any]) -> list[Any]:
        """The articles in the same order, except that those whose pages `article_page_current`
        expects to be written come first: the search index is waiting for them (a dirty bundle
        cannot be finished before its changed pages arrive). Unchanged without a guess."""
        first = self.guessed_written
        if not first:
            return articles
        return ([a for a in articles if a.save_as in first]
                + [a for a in articles if a.save_as not in first])


_state: list[BuildState] = []


def set_state(state: BuildState | None) -> None:
    _state[:] = [state] if state else []


def current_state() -> BuildState | None:
    return _state[0] if _state else None


def page_key(state: BuildState, localcontext: dict[str, Any], template_name: str | None,
             paginators: dict[str, Any] | None) -> str | None:
    """The key of one page, or None for a page that is always rendered."""
    cards = state.digests.card
    if localcontext.get("article") is not None:  # an article (or draft) page
        return article_key(state.digests, localcontext["article"], localcontext["output_file"])
    if paginators:  # a page of a paginated listing: index, tag, category, source
        pages = []
        for name in sorted(paginators):
            page = localcontext[f"{name}_page"]
            pages.append([name, page.number, page.paginator.num_pages, page.url, page.save_as,
                          page.paginator.page(1).url,
                          page.paginator.page(page.paginator.num_pages).url,
                          [cards(a) for a in page.object_list]])
        return digest(["listing", template_name, localcontext["output_file"], pages,
                       len(localcontext.get("articles") or ()),
                       len(localcontext.get("dates") or ()),
                       encode(_listing_object(localcontext)),
                       localcontext.get("page_name"), localcontext.get("url")])
    if template_name == "period_archives":
        period_num = localcontext.get("period_num") or ()
        year = (localcontext.get("coverage_by_year") or {}).get(period_num[0]) \
            if period_num else None
        return digest(["period", localcontext["output_file"], period_num,
                       localcontext.get("period"), encode(year),
                       [cards(a) for a in localcontext.get("dates") or ()],
                       len(localcontext.get("articles") or ()), localcontext.get("url")])
    return None


def article_key(digests: ArticleDigests, article: Any, save_as: str) -> str:
    """An article page's key: its full digest and the cards of the articles it links to.

    Strings and None only, so hashed as their repr (stable in any process) without `encode`'s
    walk: it is computed twice per article and build (the search index's guess, the writer)."""
    cards = digests.card
    return sha256_text(repr((
        "article", save_as, digests.full(article),
        tuple(cards(a) for a in getattr(article, "related_articles", None) or ()),
        cards(getattr(article, "newer_article", None)),
        cards(getattr(article, "older_article", None)),
        tuple(cards(a) for a in getattr(article, "translations", None) or ()))))


def _listing_object(localcontext: dict[str, Any]) -> list[Any]:
    return [localcontext.get(name) for name in ("tag", "category", "source", "author")]


def feed_key(state: BuildState, elements: list[Any], path: str, url: str | None,
             feed_type: str, feed_title: str | None, max_items: int | None) -> str:
    items = elements[:max_items]
    return digest(["feed", path, url, feed_type, feed_title,
                   [state.digests.full(item) for item in items]])


class IncrementalWriter(Writer):
    """Writer that leaves current pages as they are on disk."""

    def _claim(self, filename: str, override: bool) -> bool:
        """Pelican's overwrite bookkeeping (`_open_w`) without opening: False = not written."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            return False
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return True

    def write_feed(self, elements: Any, context: dict[str, Any], path: str | None = None,
                   url: str | None = None, feed_type: str = "atom",
                   override_output: bool = False, feed_title: str | None = None) -> Any:
        state = current_state()
        if state is None or not path:
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        complete_path = sanitised_join(self.output_path, path)
        key = feed_key(state, list(elements), path, url, feed_type, feed_title,
                       self.settings["FEED_MAX_ITEMS"])
        if state.is_current(path, complete_path, key) and complete_path not in \
                self._written_files:
            self._claim(complete_path, override_output)
            state.written[path] = state.previous[path]
            state.skipped += 1
            return None
        feed = super().write_feed(elements, context, path, url, feed_type, override_output,
                                  feed_title)
        state.record(path, complete_path, key)
        state.rendered += 1
        return feed

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   relative_urls: bool = False, paginated: dict[str, Any] | None = None,
                   template_name: str | None = None, override_output: bool = False,
                   url: str | None = None, **kwargs: Any) -> None:
        state = current_state()
        if state is None:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        if not name:
            return None

        def write_one(localcontext: dict[str, Any], save_as: str,
                      paginators: dict[str, Any] | None) -> None:
            path = sanitised_join(self.output_path, save_as)
            key = page_key(state, localcontext, template_name, paginators)
            if (override_output is False and path not in self._written_files
                    and state.is_current(save_as, path, key)):
                self._claim(path, override_output)
                state.written[save_as] = state.previous[save_as]
                state.skipped += 1
                return
            # As Pelican's Writer._write_file.
            if localcontext["localsiteurl"]:
                context["localsiteurl"] = localcontext["localsiteurl"]
            output = template.render(localcontext)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with self._open_w(path, "utf-8", override=override_output) as handle:
                handle.write(output)
            logger.info('Writing "%s"', path)
            signals.content_written.send(path, context=localcontext)
            if os.path.exists(path):  # not when Pelican chose not to overwrite (os.devnull)
                state.record(save_as, path, key)
            state.rendered += 1

        def localcontext_for(save_as: str, extra: dict[str, Any]) -> dict[str, Any]:
            # As Pelican's Writer._get_localcontext.
            localcontext = context.copy()
            localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
            if relative_urls:
                relative_url = path_to_url(get_relative_path(save_as))
                localcontext["SITEURL"] = relative_url
                localcontext["localsiteurl"] = relative_url
            localcontext["output_file"] = save_as
            localcontext.update(extra)
            return localcontext

        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                        or self.settings["DEFAULT_PAGINATION"])
            paginators = {key: Paginator(name, url, val, self.settings, per_page)
                          for key, val in paginated.items()}
            for page_num in range(next(iter(paginators.values())).num_pages):
                paginated_kwargs = kwargs.copy()
                for key, paginator in paginators.items():
                    previous_page = paginator.page(page_num) if page_num > 0 else None
                    page = paginator.page(page_num + 1)
                    next_page = (paginator.page(page_num + 2)
                                 if page_num + 1 < paginator.num_pages else None)
                    paginated_kwargs.update({
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": previous_page,
                        f"{key}_next_page": next_page,
                    })
                write_one(localcontext_for(page.save_as, paginated_kwargs), page.save_as,
                          paginators)
        else:
            write_one(localcontext_for(name, kwargs), name, None)
        return None
