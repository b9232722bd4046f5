"""Parallel reading: worker processes convert Markdown ahead of Pelican on a cold build (issue 8).

Why: Pelican reads articles one after another in one process, and Markdown conversion is most
of that read phase. Pagefind only starts in the write phase, so during the read phase every
other core idles; a cold build at 10,000 articles spends ~28 s there.

How: when the ArticlesGenerator starts reading (`generate_context`), this module lists the files
it will read (the same `get_files` call) minus those whose reader output Pelican's content cache
already holds (a warm build starts no worker), and forks worker processes that take files from
the END of that list, one at a time under a shared lock, while Pelican reads from the front; they
meet in the middle. The Markdown readers' `read` is wrapped: a file a worker took is waited for
(only the one or two at the meeting point are still being converted), any other file is read as
usual. Workers end when the lists meet, or when reading fails or is interrupted.

What crosses the process boundary is only what Markdown made: the body HTML and each metadata
value as the reader passes it to `process_metadata` (strings). The main process runs
`process_metadata` itself, so dates, tags and everything Pelican stores in its content cache are
the very objects the serial path makes (a Tag refers to this process's settings, not a copy).

Exactly serial in what the user sees: a file whose reading in a worker logged anything (a
duplicate field, a debug line), issued a Python warning or raised is read again by the main
process, which logs its messages once, acts on them under `--fatal warnings` and raises the
serial error naming the file. A worker that dies leaves its files to the main process.

Setting: `NEWSARCHIVE_READ_WORKERS` (default: usable CPUs - 1, at most 4; 0 turns it off). Off
where `fork` is unavailable and when fewer than `MIN_FILES` articles need reading. The setting
changes no output byte.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import warnings
from collections.abc import Callable
from typing import Any

from pelican import log as pelican_log
from pelican.cache import FileDataCacher
from pelican.generators import ArticlesGenerator
from pelican.readers import MarkdownReader
from pelican.utils import file_suffix

logger = logging.getLogger(__name__)

SETTING = "NEWSARCHIVE_READ_WORKERS"
MAX_WORKERS = 4
# Below this many files to convert, forking and joining workers saves too little to matter
# (a file takes ~2.5 ms to convert).
MIN_FILES = 50
_POLL_S = 0.5  # how often a waiting main process checks that its workers are alive

Payload = tuple[str, dict[str, Any]] | None  # (body HTML, unprocessed metadata), None: read here


def worker_count(settings: dict[str, Any]) -> int:
    """Worker processes to fork: the setting, else usable CPUs - 1; 0 where fork is missing."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    value = settings.get(SETTING)
    if value is None:
        return max(0, min(MAX_WORKERS, _usable_cpus() - 1))
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        logger.warning("%s must be a whole number >= 0 (0: off), not %r; reading in one "
                       "process", SETTING, value)
        return 0
    return min(value, MAX_WORKERS)


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def install(generator: Any) -> None:
    """`generator_init`: read an ArticlesGenerator's articles in parallel when that pays."""
    if not isinstance(generator, ArticlesGenerator):
        return
    generate_context = generator.generate_context

    def parallel_generate_context() -> Any:
        reading = start(generator)
        try:
            return generate_context()
        finally:  # also on errors and KeyboardInterrupt: no worker outlives the read phase
            if reading is not None:
                reading.close()

    generator.generate_context = parallel_generate_context


def start(generator: Any) -> ParallelReading | None:
    """Fork the workers for the articles `generator` is about to read, or None when not worth it."""
    workers = worker_count(generator.settings)
    if workers == 0:
        return None
    readers = generator.readers
    markdown = {ext: r for ext, r in readers.readers.items() if type(r) is MarkdownReader}
    if not markdown:
        return None
    settings = generator.settings
    files = []
    for name in generator.get_files(settings["ARTICLE_PATHS"],
                                    exclude=settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, name))
        if (file_suffix(path) in markdown and not _cached(generator, name)
                and not _cached(readers, path)):
            files.append(path)
    if len(files) < MIN_FILES:
        return None
    return ParallelReading(files, markdown, workers)


def _cached(cacher: Any, key: str) -> bool:
    """Whether Pelican's cache will answer for `key` (as FileStampDataCacher.get_cached_data
    decides, but without its warning for a file it cannot stamp: the real read will warn)."""
    try:
        entry = FileDataCacher.get_cached_data(cacher, key, None)
        if entry is None:
            return False
        stamp, data = entry
        if data is None or (isinstance(data, tuple) and data[0] is None):
            return False
        return stamp == cacher._filestamp_func(key)
    except Exception:  # anything unexpected: read it (the main process will use the cache)
        return False


class ParallelReading:
    """One read phase: the shared list, its two ends, the workers and their results."""

    def __init__(self, files: list[str], readers: dict[str, MarkdownReader],
                 workers: int) -> None:
        ctx = multiprocessing.get_context("fork")
        self._index = {path: i for i, path in enumerate(files)}
        self._total = len(files)
        self._lock = ctx.Lock()
        self._front = ctx.RawValue("q", 0)  # files before this one: the main process reads them
        self._end = ctx.RawValue("q", len(files))  # from this one on: a worker took them
        self._queue: Any = ctx.Queue()
        self._results: dict[int, Payload] = {}
        self._left = len(files)
        self._served = self._again = 0
        self._originals: dict[MarkdownReader, Any] = {}  # each reader's own `read`, if it had one
        self._procs: list[Any] = []
        parent = os.getpid()
        with warnings.catch_warnings():  # Python 3.12+ warns when forking a threaded process
            warnings.simplefilter("ignore", DeprecationWarning)
            for number in range(workers):
                proc = ctx.Process(target=_work, name=f"newsarchive-read-{number}", daemon=True,
                                   args=(files, readers, self._lock, self._front, self._end,
                                         self._queue, parent))
                proc.start()
                self._procs.append(proc)
        for reader in dict.fromkeys(readers.values()):
            self._originals[reader] = reader.__dict__.get("read")
            reader.read = self._reader_read(reader)  # type: ignore[method-assign]
        logger.debug("Parallel reading: %d articles to convert, %d worker processes",
                     len(files), workers)

    def _reader_read(self, reader: MarkdownReader) -> Callable[[str], Any]:
        original = reader.read

        def read(source_path: str) -> tuple[str, dict[str, Any]]:
            payload = self._take(source_path)
            if payload is None:
                return original(source_path)
            content, raw = payload
            # What MarkdownReader._parse_metadata does with each value, in its order.
            return content, {name: reader.process_metadata(name, value)
                             for name, value in raw.items()}

        return read

    def _take(self, path: str) -> Payload:
        """A worker's result for `path`, or None when this process must read it itself."""
        i = self._index.pop(path, None)
        if i is None:
            return None
        with self._lock:
            mine = i < self._end.value
            if mine:
                self._front.value = max(self._front.value, i + 1)
        if mine:
            payload = None
        else:
            payload = self._wait(i)
            if payload is None:
                self._again += 1
            else:
                self._served += 1
        self._left -= 1
        if self._left == 0:
            self.close()
        return payload

    def _wait(self, i: int) -> Payload:
        while i not in self._results:
            try:
                j, payload = self._queue.get(timeout=_POLL_S)
            except queue.Empty:
                if not any(p.is_alive() for p in self._procs):
                    self._drain()
                    return self._results.pop(i, None)  # a worker died: read it here
                continue
            self._results[j] = payload
        return self._results.pop(i)

    def _drain(self) -> None:
        while True:
            try:
                j, payload = self._queue.get_nowait()
            except (queue.Empty, OSError, ValueError):
                return
            self._results[j] = payload

    def close(self) -> None:
        """Stop the workers (at once if reading ended early), reap them, restore the readers."""
        if not self._procs:
            return
        for reader, original in self._originals.items():
            if original is None:
                del reader.read  # back to the class's method
            else:
                reader.read = original
        finished, workers = self._left == 0, len(self._procs)
        for proc in self._procs:
            if finished:
                proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
            proc.join()
        self._procs = []
        self._queue.close()
        self._queue.join_thread()
        if finished:
            logger.info("Parallel reading: %d of %d articles converted by %d worker processes, "
                        "%d more read again here (a worker logged or failed on them)",
                        self._served, self._total, workers, self._again)


def _work(files: list[str], readers: dict[str, MarkdownReader], lock: Any, front: Any,
          end: Any, results: Any, parent: int) -> None:
    """Worker process: take files from the end of the list until it meets the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the main process stops the workers
    noticed: list[int] = []

    def notice(self: logging.Logger, record: logging.LogRecord) -> None:
        noticed.append(record.levelno)

    # Any log record or warning marks the file for the main process instead of being shown.
    logging.Logger.handle = notice  # type: ignore[method-assign]
    pelican_log.FatalLogger.fatal_lvl = logging.CRITICAL + 1
    warnings.showwarning = lambda *args, **kwargs: noticed.append(logging.WARNING)
    for reader in readers.values():
        reader.process_metadata = _unprocessed  # type: ignore[method-assign]
    while True:
        with lock:
            if end.value <= front.value:
                break
            end.value -= 1
            i = end.value
        if os.getppid() != parent:  # the main process is gone: nobody reads the results
            results.cancel_join_thread()
            break
        path = files[i]
        noticed.clear()
        payload: Payload = None
        try:
            content, metadata = MarkdownReader.read(readers[file_suffix(path)], path)
            if not noticed:
                payload = (content, metadata)
        except Exception:  # read again by the main process, which raises the serial error
            payload = None
        results.put((i, payload))


def _unprocessed(name: str, value: Any) -> Any:
    """In the worker, values stay as Markdown gave them; the main process processes them."""
    return value
