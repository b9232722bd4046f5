"""Build the Pagefind search index from the article pages Pelican wrote.

Only published article pages are indexed (not drafts, listing pages, tag pages or static pages),
and inside them only the element marked `data-pagefind-body`. A failed index fails the build:
Pelican turns the exception into a non-zero exit naming the cause.

Pagefind holds every page in memory until it writes (~250 KiB a page), so a large archive is
split into shards of whole years (`PAGEFIND_SHARD_PAGES` pages at most, unless one year alone is
bigger), each indexed by its own Pagefind process and written to its own bundle. The search page
merges them at query time (`mergeIndex`); see search_shards.py for the plan.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from .search_shards import Shard, plan_shards, search_languages

logger = logging.getLogger(__name__)

SORT_KEY = 'data-pagefind-sort="date"'
BODY_MARK = "data-pagefind-body"

_shards: list[Shard] = []


class SearchIndexError(RuntimeError):
    """The Pagefind index could not be built."""


def collect_articles(generator: Any) -> None:
    """Plan the index from the published articles (not drafts) and tell the templates about it.

    Runs before any page is written, so the search page can name its bundles and languages.
    """
    settings = generator.settings
    articles = [*generator.articles, *generator.translations]
    plan = plan_shards(
        articles,
        bundle=settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind"),
        max_pages=int(settings.get("PAGEFIND_SHARD_PAGES", 3000)),
    )
    _shards[:] = plan
    generator.context["SEARCH_BUNDLES"] = [
        {"path": shard.path + "/", "years": list(shard.years)} for shard in plan
    ]
    generator.context["SEARCH_LANGUAGES"] = search_languages(
        articles, settings.get("DEFAULT_LANG", "id")
    )


def build_index(pelican: Any) -> None:
    """Index every planned shard, one Pagefind process at a time; raise if any fails."""
    settings = pelican.settings
    if not settings.get("PAGEFIND_ENABLED", True):
        return
    output = Path(pelican.output_path).resolve()
    bundle_root = output / settings.get("PAGEFIND_OUTPUT_SUBPATH", "pagefind")
    if bundle_root.is_dir() and bundle_root != output:
        shutil.rmtree(bundle_root)  # stale shards of an earlier build must not be merged
    total = 0
    for shard in _shards:
        if not shard.pages:  # an archive without articles yet: nothing to search
            continue
        pages = [(url, output / save_as) for url, save_as in shard.pages]
        total += _index_shard(pages, output / shard.path)
    logger.info("Pagefind indexed %d article pages into %d bundle(s) under %s",
                total, len(_shards), bundle_root)


def _index_shard(pages: list[tuple[str, Path]], bundle: Path, attempts: int = 2) -> int:
    """Index one bundle and check it was written whole; retry once, then fail the build.

    Under CPU contention Pagefind 1.5's service has answered "written" and been stopped while a
    file was still being written (an empty pagefind-entry.json was seen), hence the check.
    """
    for attempt in range(1, attempts + 1):
        try:
            count = asyncio.run(_index(pages, bundle))
        except SearchIndexError:
            raise
        except Exception as exc:  # the service speaks many dialects of failure
            raise SearchIndexError(f"Pagefind indexing into {bundle} failed: {exc}") from exc
        problem = bundle_problem(bundle, len(pages))
        if problem is None:
            return count
        logger.info("Pagefind bundle %s incomplete (%s), attempt %d", bundle, problem, attempt)
    raise SearchIndexError(f"Pagefind wrote an incomplete bundle {bundle}: {problem}")


def bundle_problem(bundle: Path, expected_pages: int) -> str | None:
    """Why the written bundle is unusable, or None: entry file, metadata files, page count."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"pagefind-entry.json unreadable: {exc}"
    for lang, info in languages.items():
        if not (bundle / f"pagefind.{info['hash']}.pf_meta").is_file():
            return f"metadata of language {lang!r} missing"
    pages = sum(info.get("page_count", 0) for info in languages.values())
    if pages != expected_pages:
        return f"{pages} pages indexed, {expected_pages} expected"
    return None


def read_page(path: Path) -> str:
    """The page's HTML, checked for what search relies on: one body mark and the date sort key."""
    try:
        html = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SearchIndexError(f"{path}: cannot read article page to index: {exc}") from exc
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
    return html


async def _index(pages: list[tuple[str, Path]], bundle: Path) -> int:
    config = IndexConfig(output_path=str(bundle))
    index = PagefindIndex(config=config)
    await index.__aenter__()
    try:
        for url, path in pages:
            html = read_page(path)
            await _answer(index, index.add_html_file(content=html, url="/" + url.lstrip("/")))
        await _answer(index, index.write_files(output_path=str(bundle)))
    finally:
        await _stop(index)
    return len(pages)


async def _answer(index: PagefindIndex, request: Any) -> Any:
    """Await a request to Pagefind's service, or fail if the service dies first.

    When the pagefind binary panics (e.g. it cannot write into the output folder), the Python
    API's reader task ends and the pending request is never answered: without this race the
    build would hang forever instead of failing.
    """
    call = asyncio.ensure_future(request)
    reader = index._service._poll_task  # the API's own stdout reader (pagefind 1.5.2)
    done, _ = await asyncio.wait({call, reader}, return_when=asyncio.FIRST_COMPLETED)
    if call in done:
        return call.result()
    call.cancel()
    backend = index._service._backend
    code = backend.returncode if backend.returncode is not None else await backend.wait()
    raise SearchIndexError(
        f"Pagefind's indexing service stopped (exit status {code}) before answering; "
        "check that the output folder is writable and that nothing named like the bundle "
        "folder is in the way"
    )


async def _stop(index: PagefindIndex) -> None:
    """Let the service exit on its own after its last write; terminate it only if it hangs.

    The API's own close() terminates the process as soon as "written" is answered, which under
    load has cut a file short (an empty pagefind-entry.json was seen).
    """
    service = index._service
    if service is None:
        return
    backend = service._backend
    if backend.returncode is None and backend.stdin is not None:
        backend.stdin.close()  # end of input: the service finishes its writes and exits
        try:
            await asyncio.wait_for(backend.wait(), timeout=30)
        except TimeoutError:
            backend.terminate()
            await backend.wait()
    service._poll_task.cancel()
