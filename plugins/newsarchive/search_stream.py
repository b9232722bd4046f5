"""Index bundles on a worker thread while Pelican renders, one Pagefind process at a time.

Pelican's thread hands over pages (`add`) and ends bundles (`finish`) in the order they must be
indexed; this thread passes them to a Pagefind service process (which indexes on the other core)
and, at the end of each bundle, fetches its files and writes them. Bundles are handled strictly
one after another, so at most one Pagefind process (one bundle's memory) is alive at a time. The
queue is bounded by the bytes of HTML it holds (`PAGEFIND_QUEUE_MB`), not by a page count: Pelican
renders article pages faster than Pagefind indexes them (~1.7 vs ~2.8 ms a page), so a small
bound made Pelican wait for Pagefind while its tag, archive and feed pages were still to write;
with room for the backlog it writes those while Pagefind catches up. Only past the bound does
Pelican wait instead of piling pages up in memory.

Each finished bundle's files are written to disk by a second thread (`pagefind-write`), in bundle
order, while this one starts indexing the next bundle: the writing (~2,000 files a year bundle)
no longer holds Pagefind up. `close` waits for the writes too.

The first error stops the work: the service is stopped, further items are dropped, and the error
is raised in Pelican's thread at its next call (so the build fails with the cause).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .search_bundle import write_bundle
from .search_service import PagefindService, SearchIndexError

logger = logging.getLogger(__name__)


def _size(item: tuple[Any, ...]) -> int:
    """Bytes an item holds against the bound (only pages handed over as HTML count)."""
    return len(item[3]) if item[0] == "add" else 0


class BundleStream:
    """The worker thread and its queue of ("add", ...), ("finish", ...) and ("stop",) items."""

    def __init__(self, on_written: Callable[[str, dict[str, list[int]]], None],
                 queue_bytes: int = 256 * 2**20) -> None:
        self._queue: queue.Queue[tuple[Any, ...]] = queue.Queue()  # bounded in bytes by _put
        self._room = threading.Condition()
        self._queued_bytes = 0
        self._queue_bytes = queue_bytes
        self._on_written = on_written
        self._error: BaseException | None = None
        self._service: PagefindService | None = None
        self._pages = 0
        self._writes: queue.Queue[tuple[Any, ...] | None] = queue.Queue()  # for _write_bundles
        self._writer = threading.Thread(target=self._write_bundles, name="pagefind-write",
                                        daemon=True)
        self._writer.start()
        self._thread = threading.Thread(target=self._run, name="pagefind-stream", daemon=True)
        self._thread.start()

    def add(self, label: str, url: str, html: str) -> None:
        """Index this page into the bundle `label` (bundles must not interleave)."""
        self._put(("add", label, url, html))

    def finish(self, label: str, bundle: Path, pages: int, spare: set[str]) -> None:
        """Write the bundle `label` into `bundle` once its pages are indexed; `pages` checks it."""
        self._put(("finish", label, bundle, pages, spare))

    def close(self) -> None:
        """Wait for every queued bundle to be written; raise the first error, if any."""
        if self._thread.is_alive():
            self._queue.put(("stop",))
            self._thread.join()
        self._writes.put(None)  # after every bundle the stream thread handed over
        self._writer.join()
        self.raise_error()

    def abort(self) -> None:
        """Stop without waiting for the queued work (the build failed elsewhere)."""
        self._error = self._error or SearchIndexError("search indexing aborted")
        if self._thread.is_alive():
            self._queue.put(("stop",))
            self._thread.join(timeout=60)
        self._writes.put(None)
        self._writer.join(timeout=60)

    def raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _put(self, item: tuple[Any, ...]) -> None:
        """Queue an item, first waiting while the queue is full (one item always fits)."""
        self.raise_error()
        size = _size(item)
        with self._room:
            while self._queued_bytes and self._queued_bytes + size > self._queue_bytes:
                self._room.wait(timeout=1.0)
                self.raise_error()
                if not self._thread.is_alive():
                    raise SearchIndexError("the search indexing thread stopped") from None
            self._queued_bytes += size
        self._queue.put(item)

    def _done(self, item: tuple[Any, ...]) -> None:
        size = _size(item)
        if size:
            with self._room:
                self._queued_bytes -= size
                self._room.notify_all()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item[0] == "stop":
                self._stop_service()
                return
            if self._error is not None:
                self._done(item)
                continue  # drain: Pelican's thread will raise the error
            try:
                self._handle(item)
            except BaseException as exc:  # noqa: BLE001 - handed to Pelican's thread
                self._fail(exc, "Pagefind indexing failed")
                self._stop_service()
            finally:
                self._done(item)

    def _handle(self, item: tuple[Any, ...]) -> None:
        if item[0] == "add":
            _, label, url, html = item
            self._add(label, url, html)
            return
        _, label, bundle, pages, spare = item
        service, self._service = self._service, None
        if service is None or service.label != label:
            raise SearchIndexError(f"bundle {label} ended before any page was indexed")
        try:
            files = service.files()
        finally:
            service.close()
        self._writes.put(("write", label, bundle, files, pages, spare))

    def _write_bundles(self) -> None:
        """The writing thread: each finished bundle to disk, in order. Stops at None; after an
        error it only drains."""
        while True:
            item = self._writes.get()
            if item is None:
                return
            if self._error is not None:
                continue
            _, label, bundle, files, pages, spare = item
            try:
                prints = write_bundle(bundle, files, pages, spare)
                logger.info("Pagefind bundle %s: %d pages written", bundle, pages)
                self._on_written(label, prints)
            except BaseException as exc:  # noqa: BLE001 - handed to Pelican's thread
                self._fail(exc, f"writing the Pagefind bundle {bundle} failed")

    def _fail(self, exc: BaseException, what: str) -> None:
        """Keep the error for Pelican's thread, as a SearchIndexError saying `what` failed."""
        if isinstance(exc, SearchIndexError):
            self._error = exc
        else:
            self._error = SearchIndexError(f"{what}: {exc}")
            self._error.__cause__ = exc

    def _add(self, label: str, url: str, html: str) -> None:
        if self._service is None:
            self._service = PagefindService(label)
            self._pages = 0
        elif self._service.label != label:
            raise SearchIndexError(f"bundle {label} started before {self._service.label} ended")
        self._service.add(url, html)
        self._pages += 1

    def _stop_service(self) -> None:
        service, self._service = self._service, None
        if service is not None:
            service.close()
