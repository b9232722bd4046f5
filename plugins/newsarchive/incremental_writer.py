"""Pelican's Writer, leaving alone every page whose file on disk is already what it would write.

Pelican calls `write_file` once per page or paginated listing and `write_feed` once per feed.
This subclass (installed through Pelican's `get_writer` signal) computes the call's key first
(`call_key` below, from fingerprints.py): when the previous build wrote the same key and every
file of that call still has the size and mtime it recorded, the call is skipped — no rendering,
no `content_written`, the files on disk are byte for byte what it would write. Otherwise it is
handed to Pelican's own `write_file`/`write_feed`, and the files it wrote are recorded (through
`content_written`/`feed_written`). A skipped call still claims its path, so two contents saved to
one path fail the build as they do in Pelican.
"""

from __future__ import annotations

import os
from typing import Any

from blinker import signal
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .fingerprints import ArticleDigests, digest, encode, sha256_text

Files = list[list[Any]]  # [[path relative to the output, size, mtime_ns], ...]

# Sent with the full path of each file a skipped call leaves as it is, as `content_written` is
# sent for each file written: the search index learns that the page on disk is final.
page_kept = signal("newsarchive-page-kept")


class BuildState:
    """What the previous build wrote per call and what this build writes (relative paths)."""

    def __init__(self, output: str, previous: dict[str, list[Any]] | None) -> None:
        self.output = output
        self.previous = previous or {}  # call name -> [key, files]; {}: render everything
        self.written: dict[str, list[Any]] = {}  # the same, for this build
        self.skipped = 0
        self.rendered = 0
        self.digests = ArticleDigests()
        self._recording: Files | None = None

    def is_current(self, name: str, key: str | None) -> bool:
        recorded = self.previous.get(name)
        if key is None or recorded is None or recorded[0] != key:
            return False
        for relpath, size, mtime in recorded[1]:
            try:
                stat = os.stat(os.path.join(self.output, relpath))
            except OSError:
                return False  # deleted by hand: render it again
            if [stat.st_size, stat.st_mtime_ns] != [size, mtime]:
                return False
        return True

    def keep(self, name: str) -> None:
        self.written[name] = self.previous[name]
        self.skipped += 1
        for relpath, _, _ in self.previous[name][1]:
            page_kept.send(os.path.join(self.output, relpath))

    def start(self) -> None:
        self._recording = []

    def file_written(self, path: str, **_: Any) -> None:
        """`content_written`/`feed_written`: note a file of the call being written."""
        if self._recording is not None and os.path.isfile(path):  # not os.devnull
            stat = os.stat(path)
            self._recording.append([os.path.relpath(path, self.output), stat.st_size,
                                    stat.st_mtime_ns])

    def stop(self, name: str, key: str | None) -> None:
        files, self._recording = self._recording or [], None
        self.written[name] = [key, files]
        self.rendered += 1

    def files(self) -> set[str]:
        """Every file this build wrote or kept."""
        return {relpath for _, files in self.written.values() for relpath, _, _ in files}


_state: list[BuildState] = []


def set_state(state: BuildState | None) -> None:
    _state[:] = [state] if state else []


def current_state() -> BuildState | None:
    return _state[0] if _state else None


def file_written(path: str, **kwargs: Any) -> None:
    """`content_written` and `feed_written` handler."""
    state = current_state()
    if state is not None:
        state.file_written(path, **kwargs)


def call_key(state: BuildState, context: dict[str, Any], template_name: str | None,
             paginated: bool, kwargs: dict[str, Any], name: str, url: str | None) -> str | None:
    """The key of one `write_file` call, or None for a page that is always rendered: an article
    page, a paginated listing (index, tag, category, source) or a period archive."""
    cards = state.digests.card
    if kwargs.get("article") is not None:
        return article_key(state.digests, kwargs["article"], name)
    if paginated:
        return digest(["listing", template_name, name, url,
                       [cards(a) for a in kwargs.get("dates") or ()],
                       [cards(a) for a in kwargs.get("articles") or ()],
                       encode([kwargs.get(n) for n in ("tag", "category", "source", "author")]),
                       kwargs.get("page_name")])
    if template_name == "period_archives":  # Pelican puts the period in the context
        period_num = context.get("period_num") or ()
        year = (context.get("coverage_by_year") or {}).get(period_num[0]) if period_num else None
        return digest(["period", name, period_num, context.get("period"), encode(year),
                       [cards(a) for a in kwargs.get("dates") or ()],
                       len(kwargs.get("articles") or ()), url])
    return None


def article_key(digests: ArticleDigests, article: Any, save_as: str) -> str:
    """An article page's key: its full digest, the cards of the articles it links to and its
    story's key (the copies it lists: syndication.py; its near events follow its date and
    tags, in the card, and the events file, in the global fingerprint)."""
    cards = digests.card
    return sha256_text(repr((
        "article", save_as, digests.full(article),
        tuple(cards(a) for a in getattr(article, "related_articles", None) or ()),
        cards(getattr(article, "newer_article", None)),
        cards(getattr(article, "older_article", None)),
        tuple(cards(a) for a in getattr(article, "translations", None) or ()),
        getattr(article, "syndication_key", None),
        getattr(article, "category_page", None),  # its category's or a tag's page appears
        tuple(page for _, items in getattr(article, "tags_by_kind", None) or ()  # or goes
              for _, page in items))))


def feed_key(state: BuildState, elements: list[Any], path: str, url: str | None,
             feed_type: str, feed_title: str | None, max_items: int | None) -> str:
    return digest(["feed", path, url, feed_type, feed_title,
                   [state.digests.full(item) for item in elements[:max_items]]])


class ArticleWriteError(Exception):
    """Writing one article's page failed: the message names the article's file first."""

    def __init__(self, source_path: str, cause: Exception) -> None:
        where = getattr(cause, "filename", None)  # a Jinja template error: the template's fault
        if where and getattr(cause, "lineno", None):
            super().__init__(f"{where}:{cause.lineno}: template error "
                             f"({cause.__class__.__name__}: {cause}) while writing the page of "
                             f"{source_path}")
            return
        super().__init__(f"{source_path}: its page could not be written: "
                         f"{cause.__class__.__name__}: {cause}")


class IncrementalWriter(Writer):
    """The plugin's Writer (every build): leaves current pages as they are on disk while an
    incremental build runs; names the article whose page failed."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings)
        self._kept: set[str] = set()  # full paths of calls skipped in this build
        self._claimed: set[str] = set()  # full paths of every call, skipped or written

    def _skip(self, name: str, key: str | None, override: bool) -> bool:
        """True if the call `name` is current and so left alone. A path Pelican already wrote
        is never skipped (Pelican's Writer decides what a second write means); a second write
        to a path left alone fails as Pelican's Writer fails it."""
        path = sanitised_join(self.output_path, name)
        if path in self._kept and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it '
                "previously (set `override=True` if intended)")
        state = current_state()
        claimed = path in self._claimed
        self._claimed.add(path)
        if override or claimed or state is None or not state.is_current(name, key):
            return False
        self._kept.add(path)
        state.keep(name)
        return True

    def write_feed(self, elements: Any, context: dict[str, Any], path: str | None = None,
                   url: str | None = None, feed_type: str = "atom",
                   override_output: bool = False, feed_title: str | None = None) -> Any:
        state = current_state()
        if state is None or not path:
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        key = feed_key(state, list(elements), path, url, feed_type, feed_title,
                       self.settings["FEED_MAX_ITEMS"])
        if self._skip(path, key, override_output):
            return None
        state.start()
        feed = super().write_feed(elements, context, path, url, feed_type, override_output,
                                  feed_title)
        state.stop(path, key)
        return feed

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   relative_urls: bool = False, paginated: dict[str, Any] | None = None,
                   template_name: str | None = None, override_output: bool = False,
                   url: str | None = None, **kwargs: Any) -> None:
        """Pelican's `write_file`, skipped when current; an article page that fails names the
        article's file (a template error alone names only the template)."""
        try:
            self._write_file(name, template, context, relative_urls, paginated, template_name,
                             override_output, url, kwargs)
        except Exception as exc:
            content = kwargs.get("article") or kwargs.get("page")  # pages are named too
            if content is None:
                raise
            raise ArticleWriteError(content.source_path, exc) from exc

    def _write_file(self, name: Any, template: Any, context: dict[str, Any],
                    relative_urls: bool, paginated: dict[str, Any] | None,
                    template_name: str | None, override_output: bool, url: str | None,
                    kwargs: dict[str, Any]) -> None:
        state = current_state()
        if state is None or not name:
            super().write_file(name, template, context, relative_urls, paginated,
                               template_name, override_output, url, **kwargs)
            return
        is_listing = template_name in self.settings["PAGINATED_TEMPLATES"] and bool(
            paginated if paginated is not None
            else {k for k in kwargs if k in {"articles", "dates"}})
        key = call_key(state, context, template_name, is_listing, kwargs, name, url)
        if self._skip(name, key, override_output):
            return
        state.start()
        super().write_file(name, template, context, relative_urls, paginated, template_name,
                           override_output, url, **kwargs)
        state.stop(name, key)
