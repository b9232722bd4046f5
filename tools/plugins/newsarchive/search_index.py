"""Build the Pagefind search index while Pelican writes the article pages, bundle by bundle.

Only published article pages are indexed (not drafts, listing pages, tag pages or static pages),
and inside them only the element marked `data-pagefind-body`. A failed index fails the build:
Pelican turns the exception into a non-zero exit naming the cause.

How (docs/search.md, "How the index is built"):

- `collect_articles` (article_generator_finalized) plans the bundles (search_shards.py) and fixes
  each bundle's page order: the order Pelican will write the pages in (translations, then articles
  newest first). Pagefind's output depends on the order pages are added, so every build — streamed,
  incremental or from disk — feeds a bundle's pages in exactly this order.
- With the incremental writer on, `collect_articles` also asks it which article pages it will
  skip (incremental_writer.BuildState.article_page_current). A bundle with a page that will be
  written is dirty from the start: its pages are fed at once, those that will not be written
  read from disk by the worker thread, up to the first page that will be written, which follows
  when Pelican writes it. So Pagefind indexes beside the write phase, not after it, in the same
  order as ever. A guess that proves wrong (a page fed from disk is written after all) rebuilds
  that bundle at the end from the pages on disk.
- `start_prefeed` (initialized) goes further on a warm build: before Pelican reads anything,
  it feeds Pagefind the pages of an edited article's bundle that come before the edited one, from
  disk, as the previous build left them (search_prefeed.py); `collect_articles` keeps that start
  if the new order and the writer's plan agree with it, and drops it otherwise.
- `page_written` (content_written) checks each article page as Pelican writes it, hashes it and,
  if its bundle is being rebuilt, hands it to the worker thread (search_stream.py), whose Pagefind
  process indexes it on the other core while Python renders the next page. A bundle is written as
  soon as its last page has been fed; then the next bundle starts (one Pagefind process at a time).
- `build_index` (finalized) deals with what the stream could not: pages Pelican did not write this
  build (their file on disk is what would have been written, so it is read from there; a missing
  file is an error), bundles whose pages did not arrive in order, and unchanged bundles. A bundle
  whose pages, page hashes and order equal the previous build's (search_manifest.py) and whose
  files on disk are intact is kept as is (a page not written this build whose file still has the
  size and mtime recorded with its hash is not read again); others are rebuilt; bundles no
  longer planned are removed.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .incremental_writer import current_state
from .search_bundle import ENTRY, clear_bundle, prints_match
from .search_manifest import manifest_path, save_manifest, take_manifest
from .search_prefeed import Prefeed, changed_sources, plan_prefeed, source_entry
from .search_service import SearchIndexError
from .search_shards import Shard, plan_shards, search_languages
from .search_stream import BundleStream

__all__ = ["SearchIndexError", "build_index", "collect_articles", "page_written", "read_page",
           "start_prefeed"]

logger = logging.getLogger(__name__)

SORT_KEY = 'data-pagefind-sort="date"'
BODY_MARK = "data-pagefind-body"


@dataclass
class _Bundle:
    """One planned bundle and how far its pages have been fed."""

    label: str  # its path under the output folder (Shard.path)
    folder: Path
    order: list[tuple[str, str]]  # (url, absolute file path), in feeding order
    spare: set[str]  # subfolders that hold other bundles
    expected: list[list[str]] | None  # previous build's [url, sha256] if it may be kept
    dirty: bool
    cursor: int = 0
    done: bool = False
    redo: bool = False  # a page fed from disk was written afterwards: index it all again


@dataclass
class _Build:
    """The index state of one Pelican build."""

    output: Path
    root: Path  # PAGEFIND_OUTPUT_SUBPATH: every bundle lives under it
    bundles: list[_Bundle]
    by_path: dict[str, tuple[_Bundle, int]]
    previous: dict[str, Any]
    manifest: Path
    hashes: dict[str, str] = field(default_factory=dict)  # absolute path -> sha256
    arrived: set[str] = field(default_factory=set)  # pages Pelican wrote in this build
    # Pages the incremental writer will skip: absolute path -> [size, mtime_ns] it recorded.
    on_disk: dict[str, list[int]] = field(default_factory=dict)
    disk_reads: dict[str, tuple[str, list[int]]] = field(default_factory=dict)  # by the worker
    stats: dict[str, list[int]] = field(default_factory=dict)  # absolute path -> [size, mtime]
    written: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # page -> (save_as, source)
    prefeed: Prefeed | None = None  # pages fed before the read phase (search_prefeed.py)
    changed: set[str] | None = None  # bundles with a changed source; None: not known
    active: _Bundle | None = None
    final: bool = False
    stream: BundleStream | None = None
    queue_bytes: int = 256 * 2**20  # PAGEFIND_QUEUE_MB: HTML waiting for Pagefind, at most


@dataclass
class _Early:
    """What `start_prefeed` began before Pelican read anything, for `collect_articles`."""

    manifest: Path
    previous: dict[str, Any]
    changed: dict[str, int] | None = None  # search_prefeed.changed_sources
    prefeed: Prefeed | None = None
    stream: BundleStream | None = None
    written: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    disk_reads: dict[str, tuple[str, list[int]]] = field(default_factory=dict)


_build: _Build | None = None
_early: _Early | None = None


def start_prefeed(pelican: Any) -> None:
    """`initialized` (after incremental.start): on a warm build, start indexing the bundle of an
    edited article with the pages before it, read from disk, while Pelican reads."""
    global _early
    if _early is not None and _early.stream is not None:
        _early.stream.abort()  # left by a build in this process that failed before reading
    _early = None
    settings = pelican.settings
    state = current_state()
    if not settings.get("PAGEFIND_ENABLED", True) or state is None or not state.previous:
        return  # no index, or a full build: every page will be written anyway
    output = os.path.abspath(pelican.output_path)
    manifest = manifest_path(settings.get("CACHE_PATH", "cache"), Path(output))
    early = _Early(manifest, take_manifest(manifest))
    early.changed = changed_sources(early.previous)
    if early.changed:
        early.prefeed = plan_prefeed(early.previous, early.changed, output)
    if early.prefeed is not None:
        early.stream = _new_stream(early.written, early.disk_reads, _queue_bytes(settings))
        early.stream.add_files(early.prefeed.label, [("/" + url.lstrip("/"), path, stats)
                                                     for url, path, stats in early.prefeed.pages])
        logger.info("Pagefind: re-indexing %s from its first %d pages, read from disk while "
                    "Pelican reads (a source after them changed)", early.prefeed.label,
                    len(early.prefeed.pages))
    _early = early


def collect_articles(generator: Any) -> None:
    """Plan the index from the published articles (not drafts) and tell the templates about it.

    Runs before any page is written, so the search page can name its bundles and languages, and
    so pages can be indexed as they are written.
    """
    settings = generator.settings
    articles = [*generator.translations, *generator.articles]  # the order Pelican writes them
    plan = plan_shards(
        articles,
        bundle=settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind"),
        max_pages=int(settings.get("PAGEFIND_SHARD_PAGES", 1000)),
    )
    generator.context["SEARCH_BUNDLES"] = [
        {"path": shard.path + "/", "years": list(shard.years)} for shard in plan
    ]
    generator.context["SEARCH_LANGUAGES"] = search_languages(
        articles, settings.get("DEFAULT_LANG", "id")
    )
    _start(settings, Path(generator.output_path), plan,
           {article.save_as: number for number, article in enumerate(articles)},
           {article.save_as: article.source_path for article in articles})
    _start_early(articles)


def _start_early(articles: list[Any]) -> None:
    """Mark the bundles whose pages the incremental writer will write as dirty, and start
    feeding them now (pages it will skip are read from disk by the worker thread).

    The writer is asked only about the bundles likely to change: those whose pages or order
    changed, and those holding an article whose source file changed since the last build (the
    search manifest records each page's source); asking costs ~0.1 ms an article. A bundle not
    asked about stays clean unless a page of it is written after all: then it is indexed again
    at the end, as before (`page_written`, `_finish_build`)."""
    build, state = _build, current_state()
    if build is None or state is None:
        return
    asked = {bundle.label for bundle in build.bundles
             if build.changed is None or bundle.dirty or bundle.label in build.changed}
    for article in articles:
        path = os.path.join(build.output, article.save_as)
        hit = build.by_path.get(path)
        if hit is not None and hit[0].label in asked:
            recorded = state.article_page_current(article, path)
            if recorded is not None:
                build.on_disk[path] = recorded
    for bundle in build.bundles:
        if (bundle.label in asked and not bundle.dirty
                and any(path not in build.on_disk for _, path in bundle.order)):
            bundle.dirty = True
    _adopt_prefeed(build)
    dirty = [bundle for bundle in build.bundles if bundle.dirty]
    if dirty:
        pages = [path for bundle in dirty for _, path in bundle.order]
        logger.info("Pagefind: re-indexing %s beside the writing (%d of its %d article pages "
                    "will not be written: read from disk)",
                    ", ".join(bundle.label for bundle in dirty),
                    sum(path in build.on_disk for path in pages), len(pages))
    _advance(build, None)


def _adopt_prefeed(build: _Build) -> None:
    """Keep the pages `start_prefeed` fed if they are the first pages of a bundle that is
    re-indexed and the writer will leave each of them as it was read; else drop them."""
    prefeed = build.prefeed
    if prefeed is None:
        return
    bundle = next((b for b in build.bundles if b.label == prefeed.label), None)
    fed = [(url, path) for url, path, _ in prefeed.pages]
    if (bundle is not None and bundle.dirty and bundle.order[:len(fed)] == fed
            and all(build.on_disk.get(path) == stats for _, path, stats in prefeed.pages)):
        bundle.cursor = len(fed)
        build.active = bundle
        return
    logger.info("Pagefind: the early start of %s did not hold (its pages or their order "
                "changed); indexing it from the first page", prefeed.label)
    _stream(build).discard(prefeed.label)


def _start(settings: dict[str, Any], output: Path, plan: list[Shard],
           position: dict[str, int], sources: dict[str, str]) -> None:
    global _build, _early
    if _build is not None and _build.stream is not None:
        _build.stream.abort()  # a previous build in this process (autoreload) that failed
    _build = None
    early, _early = _early, None
    if not settings.get("PAGEFIND_ENABLED", True):
        return
    output = Path(os.path.abspath(output))
    manifest = manifest_path(settings.get("CACHE_PATH", "cache"), output)
    if early is not None and early.manifest != manifest:
        if early.stream is not None:
            early.stream.abort()
        early = None
    previous = early.previous if early is not None else take_manifest(manifest)
    paths = [shard.path for shard in plan if shard.pages]
    bundles, by_path = [], {}
    for shard in plan:
        if not shard.pages:  # an archive without articles yet: nothing to search
            continue
        pages = sorted(shard.pages, key=lambda page: (position.get(page[1], len(position)), page))
        order = [(url, os.path.join(output, save_as)) for url, save_as in pages]
        folder = output / shard.path
        spare = _spare(shard.path, paths)
        expected = _expected(previous.get(shard.path), order, folder)
        bundle = _Bundle(shard.path, folder, order, spare, expected, dirty=expected is None)
        bundles.append(bundle)
        for number, (_, path) in enumerate(order):
            by_path[path] = (bundle, number)
    root = output / settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind")
    _build = _Build(output, root, bundles, by_path, previous, manifest,
                    queue_bytes=_queue_bytes(settings))
    _build.sources = {os.path.join(output, save_as): (save_as, source)
                      for save_as, source in sources.items()}
    if early is not None and early.changed is not None:
        _build.changed = set(early.changed)
    if early is not None and early.stream is not None:
        _build.stream, _build.prefeed = early.stream, early.prefeed
        _build.written, _build.disk_reads = early.written, early.disk_reads


def _expected(old: Any, order: list[tuple[str, str]], folder: Path) -> list[list[Any]] | None:
    """The previous build's pages of this bundle if it may be kept: same pages in the same
    order, its files intact on disk; else None (the bundle is rebuilt)."""
    try:
        pages = old["pages"]
        if [page[0] for page in pages] != [url for url, _ in order]:
            return None
        if not all(isinstance(page[1], str) for page in pages):
            return None
        return pages if prints_match(folder, old["files"]) else None
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):  # none, or not ours
        return None


def page_written(path: str, context: Any = None) -> None:
    """`content_written` handler: check and hash an article page, index it if its bundle is due."""
    build = _build
    if build is None:
        return
    key = os.path.abspath(path)
    hit = build.by_path.get(key)
    if hit is None:
        return
    try:
        html, digest = _read(build, key)
        build.arrived.add(key)
        bundle, number = hit
        if not bundle.dirty and bundle.expected[number][1] != digest:
            bundle.dirty = True
        if number < bundle.cursor:  # fed from disk already, then written after all
            bundle.redo = True
        _advance(build, (key, html))
    except BaseException:
        _abort(build)
        raise


def build_index(pelican: Any) -> None:
    """`finalized` handler: index what the stream could not, keep unchanged bundles, clean up."""
    build = _build
    if build is None:
        return
    try:
        _finish_build(build)
    except BaseException:
        _abort(build)
        raise


def _finish_build(build: _Build) -> None:
    build.final = True
    kept = []
    for bundle in build.bundles:
        if bundle.dirty or bundle.done:
            continue
        for number, (_, path) in enumerate(bundle.order):
            if path not in build.hashes and not _unchanged(build, path, bundle.expected[number]):
                _read(build, path)
            if build.hashes[path] != bundle.expected[number][1]:
                bundle.dirty = True
                break
        else:
            kept.append(bundle)
    _advance(build, None)
    if build.stream is not None:
        build.stream.sync()
        for bundle in build.bundles:
            if bundle.done and (bundle.redo or bundle.label in build.stream.stale):
                logger.info("Pagefind bundle %s: a page read early was written again; "
                            "indexing the bundle again", bundle.label)
                build.stream.stale.discard(bundle.label)
                bundle.cursor, bundle.done, bundle.redo = 0, False, False
        _advance(build, None)
        build.stream.close()
    for path, (digest, stats) in build.disk_reads.items():
        if path not in build.hashes:
            build.hashes[path], build.stats[path] = digest, stats
    _remove_unplanned(build)
    bundles = {}
    for bundle in build.bundles:
        files = (build.previous[bundle.label]["files"] if bundle in kept
                 else build.written[bundle.label])
        pages = [[url, build.hashes[path], *build.stats[path]] for url, path in bundle.order]
        sources = [source_entry(*build.sources[path]) if path in build.sources else None
                   for _, path in bundle.order]
        bundles[bundle.label] = {"pages": pages, "files": files, "sources": sources}
    save_manifest(build.manifest, bundles)
    pages = sum(len(bundle.order) for bundle in build.bundles)
    logger.info("Pagefind: %d article pages in %d bundle(s), %d rebuilt, %d unchanged",
                pages, len(build.bundles), len(build.bundles) - len(kept), len(kept))


def _advance(build: _Build, current: tuple[str, str] | None) -> None:
    """Feed the active bundle as far as its pages are known, in order; start the next bundle."""
    while True:
        if build.active is None:
            build.active = next((b for b in build.bundles
                                 if b.dirty and not b.done and _ready(build, b)), None)
            if build.active is None:
                return
        bundle = build.active
        files: list[tuple[str, str, list[int] | None]] = []  # a run the worker reads from disk
        while bundle.cursor < len(bundle.order) and _ready(build, bundle):
            url, path = bundle.order[bundle.cursor]
            url = "/" + url.lstrip("/")
            if path not in build.arrived and path in build.on_disk:
                # Nothing writes it now (or, at the end, anymore): the worker reads it.
                files.append((url, path, None if build.final else build.on_disk[path]))
            else:
                if files:
                    _stream(build).add_files(bundle.label, files)
                    files = []
                if current is not None and current[0] == path:
                    html = current[1]
                else:
                    html = _read(build, path)[0]
                _stream(build).add(bundle.label, url, html)
            bundle.cursor += 1
        if files:
            _stream(build).add_files(bundle.label, files)
        if bundle.cursor < len(bundle.order):
            return
        _stream(build).finish(bundle.label, bundle.folder, len(bundle.order), bundle.spare)
        bundle.done = True
        build.active = None


def _ready(build: _Build, bundle: _Bundle) -> bool:
    path = bundle.order[bundle.cursor][1]
    return build.final or path in build.arrived or path in build.on_disk


def _stream(build: _Build) -> BundleStream:
    if build.stream is None:
        build.stream = _new_stream(build.written, build.disk_reads, build.queue_bytes)
    return build.stream


def _new_stream(written: dict[str, dict[str, list[int]]],
                disk_reads: dict[str, tuple[str, list[int]]], queue_bytes: int) -> BundleStream:
    """A worker thread that records each written bundle's file prints in `written` and each
    page it read from disk in `disk_reads`."""
    return BundleStream(written.__setitem__,
                        lambda path, expected: _read_on_worker(disk_reads, path, expected),
                        queue_bytes=queue_bytes)


def _queue_bytes(settings: dict[str, Any]) -> int:
    """PAGEFIND_QUEUE_MB in bytes: HTML waiting for Pagefind, at most."""
    return int(settings.get("PAGEFIND_QUEUE_MB", 256)) * 2**20


def _read_on_worker(disk_reads: dict[str, tuple[str, list[int]]], path: str,
                    expected: list[int] | None) -> str | None:
    """The worker thread's read of a page the writer was to skip: its HTML, or None if the file
    is no longer as recorded (written after all, maybe while being read)."""
    def as_recorded() -> bool:
        try:
            info = os.stat(path)
        except OSError:
            return False
        return [info.st_size, info.st_mtime_ns] == expected

    try:
        html, digest = read_page(Path(path))
    except SearchIndexError:
        if expected is not None and not as_recorded():
            return None
        raise
    info = os.stat(path)
    stats = [info.st_size, info.st_mtime_ns]
    if expected is not None and stats != expected:
        return None
    disk_reads[path] = (digest, stats)
    return html


def _abort(build: _Build) -> None:
    if build.stream is not None:
        build.stream.abort()


def _spare(path: str, paths: list[str]) -> set[str]:
    """The first folder names, under `path`, of the other bundles nested in it."""
    return {other[len(path) + 1:].split("/", 1)[0] for other in paths
            if other != path and other.startswith(path + "/")}


def _remove_unplanned(build: _Build) -> None:
    """Delete bundles of earlier builds that are not in this build's plan."""
    planned = {bundle.label for bundle in build.bundles}
    paths = sorted(planned)
    for entry in sorted(build.root.rglob(ENTRY), reverse=True):
        folder = entry.parent
        label = folder.relative_to(build.output).as_posix()
        if label in planned:
            continue
        clear_bundle(folder, _spare(label, paths))
        logger.info("Pagefind bundle %s removed: no longer planned", folder)
        while folder != build.output and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _read(build: _Build, path: str) -> tuple[str, str]:
    """Read and check a page; remember its hash and stat for the manifest."""
    html, digest = read_page(Path(path))
    info = os.stat(path)
    build.hashes[path] = digest
    build.stats[path] = [info.st_size, info.st_mtime_ns]
    return html, digest


def _unchanged(build: _Build, path: str, expected: list[Any]) -> bool:
    """True (hash taken from the manifest) if the page's file has the size and mtime recorded
    when it was last hashed: a page Pelican did not write this build is not read again."""
    try:
        info = os.stat(path)
    except OSError:
        return False  # read_page then names the missing file
    if expected[2:4] != [info.st_size, info.st_mtime_ns]:
        return False
    build.hashes[path] = expected[1]
    build.stats[path] = [info.st_size, info.st_mtime_ns]
    return True


def read_page(path: Path) -> tuple[str, str]:
    """The page's HTML and its sha256, checked for what search relies on: one body mark and the
    date sort key."""
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
    return html, hashlib.sha256(data).hexdigest()
