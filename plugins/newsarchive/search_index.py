"""Build the Pagefind search index bundle by bundle, beside Pelican's writing or after it.

Only published article pages are indexed (not drafts, listing pages, tag pages or static pages),
and inside them only the element marked `data-pagefind-body`. A failed index fails the build:
Pelican turns the exception into a non-zero exit naming the cause.

One mechanism (docs/search.md, "How the index is built"): a bundle that must be indexed is fed
its pages in a fixed order, each as soon as it is final, by a worker thread (search_stream.py)
whose Pagefind process indexes on the other core while Python renders on.

- `collect_articles` (article_generator_finalized) plans the bundles (search_shards.py) and fixes
  each bundle's page order: the order Pelican writes the pages in (translations, then articles
  newest first). Pagefind's output depends on the order pages are added, so a bundle's pages
  are always fed in this order. A bundle is *dirty* when the search manifest of the last build
  (search_manifest.py) does not hold it with the same pages in the same order and its files
  intact on disk, or when a page of it is written with another hash than the manifest's.
- `page_written` (content_written) checks and hashes each article page as Pelican writes it;
  `page_kept` (the plugin's writer left a page as it is) marks it final on disk. Either way the
  dirty bundle being indexed is fed as far as its pages are final: on a full build every page
  as it is written, on an incremental build the pages before an edited one from disk as soon
  as the edited page is written (the writer settles pages in feeding order).
- `build_index` (finalized) does the rest: dirty bundles are fed to the end, unchanged bundles
  kept (a page's hash is taken from the manifest while its file has the size and mtime recorded
  with it), bundles no longer planned removed, and a bundle one of whose pages was written again
  after it was fed (a later `Save_as` onto it) indexed again.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .search_bundle import prints_match, remove_unplanned, spare_folders
from .search_manifest import manifest_path, save_manifest, take_manifest
from .search_pages import read_page
from .search_service import SearchIndexError
from .search_shards import plan_shards, search_languages
from .search_stream import BundleStream

__all__ = ["SearchIndexError", "build_index", "collect_articles", "page_written", "read_page"]

logger = logging.getLogger(__name__)


@dataclass
class _Bundle:
    """One planned bundle and how far its pages have been fed."""

    label: str  # its path under the output folder (Shard.path)
    folder: Path
    order: list[tuple[str, str]]  # (url, absolute file path), in feeding order
    spare: set[str]  # subfolders that hold other bundles
    expected: list[list[Any]] | None  # last build's [url, sha256, size, mtime] if it may be kept
    dirty: bool
    cursor: int = 0
    done: bool = False
    redo: bool = False  # a page already fed was written again (a later `Save_as` onto it)


@dataclass
class _Build:
    """The index state of one Pelican build."""

    output: Path
    root: Path  # PAGEFIND_OUTPUT_SUBPATH: every bundle lives under it
    bundles: list[_Bundle]
    by_path: dict[str, tuple[_Bundle, int]]
    previous: dict[str, Any]
    manifest: Path
    queue_bytes: int
    hashes: dict[str, str] = field(default_factory=dict)  # absolute path -> sha256
    stats: dict[str, list[int]] = field(default_factory=dict)  # absolute path -> [size, mtime]
    arrived: set[str] = field(default_factory=set)  # pages written or kept: final on disk
    written: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # bundle -> prints
    active: _Bundle | None = None
    final: bool = False
    stream: BundleStream | None = None


_build: _Build | None = None


def collect_articles(generator: Any) -> None:
    """Plan the index from the published articles (not drafts) and tell the templates about it.

    Runs before any page is written, so the search page can name its bundles and languages, and
    so pages can be indexed as they are written.
    """
    global _build
    if _build is not None and _build.stream is not None:
        _build.stream.abort()  # a previous build in this process (autoreload) that failed
    _build = None
    settings = generator.settings
    articles = [*generator.translations, *generator.articles]  # the order Pelican writes them
    plan = plan_shards(articles, bundle=settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind"),
                       max_pages=int(settings.get("PAGEFIND_SHARD_PAGES", 1000)))
    generator.context["SEARCH_BUNDLES"] = [
        {"path": shard.path + "/", "years": list(shard.years)} for shard in plan
    ]
    generator.context["SEARCH_LANGUAGES"] = search_languages(
        articles, settings.get("DEFAULT_LANG", "id"))
    if settings.get("PAGEFIND_ENABLED", True):
        position = {article.save_as: number for number, article in enumerate(articles)}
        _build = _plan_build(settings, Path(os.path.abspath(generator.output_path)), plan,
                             position)


def _plan_build(settings: dict[str, Any], output: Path, plan: list[Any],
                position: dict[str, int]) -> _Build:
    manifest = manifest_path(settings.get("CACHE_PATH", "cache"), output)
    previous = take_manifest(manifest)
    paths = [shard.path for shard in plan if shard.pages]
    bundles, by_path = [], {}
    for shard in plan:
        if not shard.pages:  # an archive without articles yet: nothing to search
            continue
        pages = sorted(shard.pages, key=lambda page: (position.get(page[1], len(position)), page))
        order = [(url, os.path.join(output, save_as)) for url, save_as in pages]
        folder = output / shard.path
        expected = _expected(previous.get(shard.path), order, folder)
        bundle = _Bundle(shard.path, folder, order, spare_folders(shard.path, paths), expected,
                         dirty=expected is None)
        bundles.append(bundle)
        for number, (_, path) in enumerate(order):
            by_path[path] = (bundle, number)
    queue_bytes = int(settings.get("PAGEFIND_QUEUE_MB", 256)) * 2**20
    root = output / settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind")
    return _Build(output, root, bundles, by_path, previous, manifest, queue_bytes)


def _expected(old: Any, order: list[tuple[str, str]], folder: Path) -> list[list[Any]] | None:
    """The previous build's pages of this bundle if it may be kept: same pages in the same
    order, its files intact on disk; else None (the bundle is rebuilt)."""
    try:
        pages = old["pages"]
        if [page[0] for page in pages] != [url for url, _ in order]:
            return None
        if not all(isinstance(page[1], str) and len(page) == 4 for page in pages):
            return None
        return pages if prints_match(folder, old["files"]) else None
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):  # none, or not ours
        return None


def page_written(path: str, context: Any = None) -> None:
    """`content_written` handler: check and hash an article page, feed it if its bundle is due."""
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
        if number < bundle.cursor:
            bundle.redo = True
        _advance(build, (key, html))
    except BaseException:
        _abort(build)
        raise


def page_kept(path: str) -> None:
    """`incremental_writer.page_kept` handler: a page the writer left as it is is final on disk;
    a dirty bundle waiting for it reads it from there."""
    build = _build
    if build is None or path not in build.by_path:
        return
    try:
        build.arrived.add(path)
        _advance(build, None)
    except BaseException:
        _abort(build)
        raise


def build_index(pelican: Any) -> None:
    """`finalized` handler: index what the writing did not, keep unchanged bundles, clean up."""
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
    kept = [bundle for bundle in build.bundles if not bundle.dirty and _still_same(build, bundle)]
    _advance(build, None)
    if build.stream is not None:
        build.stream.close()
        build.stream = None
    for bundle in build.bundles:
        if bundle.redo:  # index it again from the pages as they are now
            logger.info("Pagefind bundle %s: a page was written again after it was indexed; "
                        "indexing the bundle again", bundle.label)
            bundle.cursor, bundle.done, bundle.redo = 0, False, False
            _advance(build, None)
    if build.stream is not None:
        build.stream.close()
    remove_unplanned(build.root, build.output, {b.label for b in build.bundles})
    bundles = {}
    for bundle in build.bundles:
        files = (build.previous[bundle.label]["files"] if bundle in kept
                 else build.written[bundle.label])
        pages = [[url, build.hashes[path], *build.stats[path]] for url, path in bundle.order]
        bundles[bundle.label] = {"pages": pages, "files": files}
    save_manifest(build.manifest, bundles)
    pages = sum(len(bundle.order) for bundle in build.bundles)
    logger.info("Pagefind: %d article pages in %d bundle(s), %d rebuilt, %d unchanged",
                pages, len(build.bundles), len(build.bundles) - len(kept), len(kept))


def _still_same(build: _Build, bundle: _Bundle) -> bool:
    """True if every page of a bundle not yet dirty has the hash the manifest recorded; marks
    the bundle dirty otherwise. Pages not written whose file has the recorded size and mtime
    are not read again."""
    for number, (_, path) in enumerate(bundle.order):
        expected = bundle.expected[number]
        if path not in build.hashes and not _unchanged(build, path, expected):
            _read(build, path)
        if build.hashes[path] != expected[1]:
            bundle.dirty = True
            return False
    return True


def _advance(build: _Build, current: tuple[str, str] | None) -> None:
    """Feed the active bundle as far as its pages are there, in order; start the next one."""
    while True:
        if build.active is None:
            build.active = next((b for b in build.bundles
                                 if b.dirty and not b.done and _ready(build, b)), None)
            if build.active is None:
                return
        bundle = build.active
        while bundle.cursor < len(bundle.order) and _ready(build, bundle):
            url, path = bundle.order[bundle.cursor]
            html = current[1] if current is not None and current[0] == path else \
                _read(build, path)[0]
            _stream(build).add(bundle.label, "/" + url.lstrip("/"), html)
            bundle.cursor += 1
        if bundle.cursor < len(bundle.order):
            return
        _stream(build).finish(bundle.label, bundle.folder, len(bundle.order), bundle.spare)
        bundle.done = True
        build.active = None


def _ready(build: _Build, bundle: _Bundle) -> bool:
    """The bundle's next page can be fed: it was written, or nothing writes pages anymore."""
    return build.final or bundle.order[bundle.cursor][1] in build.arrived


def _stream(build: _Build) -> BundleStream:
    if build.stream is None:
        build.stream = BundleStream(build.written.__setitem__, queue_bytes=build.queue_bytes)
    return build.stream


def _abort(build: _Build) -> None:
    if build.stream is not None:
        build.stream.abort()


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
