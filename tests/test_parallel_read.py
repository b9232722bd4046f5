"""Parallel reading changes how fast articles are read, never what is built or what is logged."""

from __future__ import annotations

import copy
import hashlib
import json
import multiprocessing
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from bench.prepare import prepare
from tests.conftest import FIXTURES, ROOT
from tools.plugins.newsarchive import parallel_read

SERVED = re.compile(r"Parallel reading: (\d+) of (\d+) articles converted by (\d+) worker "
                    r"processes, (\d+) more read again here")


def _build(content: Path, raw: Path, folder: Path, workers: int, fatal: bool = True,
           cache: bool = True) -> subprocess.CompletedProcess[str]:
    """A real `make html`-style build (content cache on) into folder/output, cache in folder/cache.

    Both builds of a comparison use the same output and cache paths (the incremental manifest
    records them), so the caller moves folder away between builds."""
    overrides: dict[str, Any] = {"RAW_SEEDS_PATH": str(raw), "NEWSARCHIVE_READ_WORKERS": workers,
                                 "CACHE_PATH": str(folder / "cache")}
    if cache:
        overrides |= {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(folder / "output"),
           "-s", str(ROOT / "pelicanconf.py"), "-v", *(["--fatal", "warnings"] if fatal else []),
           "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    # Wide lines: Rich wraps log messages at the terminal width otherwise. A fixed hash seed:
    # Pelican reads (and caches) articles in set order, which varies between any two processes.
    env = {**os.environ, "COLUMNS": "1000", "PYTHONHASHSEED": "0"}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(_comparable(p)).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _comparable(path: Path) -> bytes:
    """A file's bytes, except for what differs between any two builds or records the setting.

    Pelican's content cache pickles the settings with every Tag; the plugin's manifests record
    files' mtimes and the settings' digest (incremental.json). Everything else must be equal."""
    if path.parent.name == "cache" and path.name.endswith("-Readers"):
        entries = pickle.loads(path.read_bytes())
        for _stamp, (_content, metadata) in entries.values():
            for value in metadata.values():
                for item in value if isinstance(value, list) else [value]:
                    getattr(item, "settings", {}).pop(parallel_read.SETTING, None)
        return pickle.dumps(entries)
    if "cache" in path.parts and path.suffix == ".json":
        data = _without_mtimes(json.loads(path.read_text("utf-8")))
        if path.name == "incremental.json":
            data["global"] = data["parts"]["settings"] = None
        return json.dumps(data).encode()
    return path.read_bytes()


def _without_mtimes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_mtimes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_mtimes(v) for v in value]
    return "mtime" if isinstance(value, int) and value > 10**17 else value  # st_mtime_ns


def _site(tmp_path: Path, n: int) -> tuple[Path, Path]:
    """n synthetic articles plus the fixture site's articles and seeds."""
    corpus = prepare(tmp_path / "work", n, seed=5)
    site = FIXTURES / "site"
    shutil.copytree(site / "content" / "articles", corpus.content / "articles" / "site")
    shutil.copytree(site / "seeds", corpus.raw, dirs_exist_ok=True)
    return corpus.content, corpus.raw


def _served(log: str) -> tuple[int, int]:
    """(articles a worker's result was used for, articles read again in the main process)."""
    match = SERVED.search(log)
    assert match, log[-3000:]
    return int(match[1]), int(match[4])


def _messages(log: str, word: str) -> list[str]:
    """Log lines with `word`, without Rich's time and source columns."""
    lines = [re.sub(r"^\[[0-9:]+\]\s+", "", line).strip() for line in log.splitlines()]
    return sorted(re.sub(r"\s+\S+\.py:\d+$", "", line) for line in lines if word in line)


@pytest.mark.slow
def test_site_and_content_cache_are_byte_identical_with_and_without_workers(
        tmp_path: Path) -> None:
    content, raw = _site(tmp_path, 300)
    trees = {}
    for workers in (0, 1):
        result = _build(content, raw, tmp_path / "build", workers)
        assert result.returncode == 0, result.stdout + result.stderr
        if workers:
            served, again = _served(result.stdout + result.stderr)
            assert served > 50 and again == 0
        else:
            assert not SERVED.search(result.stdout + result.stderr)
        shutil.move(tmp_path / "build", tmp_path / f"workers-{workers}")
        trees[workers] = {part: _tree(tmp_path / f"workers-{workers}" / part)
                          for part in ("output", "cache")}
    assert any(name.startswith("pagefind/") for name in trees[1]["output"])
    for part in ("output", "cache"):  # the cache: what the next build reads back
        off, on = trees[0][part], trees[1][part]
        assert sorted(off) == sorted(on)
        assert [name for name in off if off[name] != on[name]] == []


@pytest.mark.slow
def test_workers_convert_only_what_the_content_cache_lacks(tmp_path: Path) -> None:
    content, raw = _site(tmp_path, 120)
    first = _build(content, raw, tmp_path / "build", workers=1)
    assert first.returncode == 0 and _served(first.stdout + first.stderr)[0] > 0
    assert SERVED.search(first.stdout + first.stderr)[2] == "132"  # 120 + 12 fixture articles
    warm = _build(content, raw, tmp_path / "build", workers=1)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert not SERVED.search(warm.stdout + warm.stderr)  # nothing to convert: no worker
    edited = sorted(content.rglob("*-syn*.md"))[:70]
    for path in edited:
        path.write_text(path.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    partly = _build(content, raw, tmp_path / "build", workers=1)
    assert partly.returncode == 0, partly.stdout + partly.stderr
    assert SERVED.search(partly.stdout + partly.stderr)[2] == "70"


def _spoil(content: Path, change: Any) -> int:
    """Apply change(text or bytes) to every other synthetic article; return how many."""
    paths = sorted(content.rglob("*-syn*.md"))[::2]
    for path in paths:
        change(path)
    return len(paths)


@pytest.mark.slow
def test_reader_warnings_from_worker_files_are_logged_once_in_the_main_process(
        tmp_path: Path) -> None:
    """A duplicate field makes Pelican's Markdown reader warn; the warning is the serial one."""
    content, raw = _site(tmp_path, 150)

    def duplicate_category(path: Path) -> None:
        text = path.read_text("utf-8")
        path.write_text(text.replace("\nCategory: ", "\nCategory: Georgia\nCategory: ", 1),
                        "utf-8")

    spoiled = _spoil(content, duplicate_category)
    logs = {}
    for workers in (0, 1):
        result = _build(content, raw, tmp_path / f"build-{workers}", workers, fatal=False)
        assert result.returncode == 0, result.stdout + result.stderr
        logs[workers] = _messages(result.stdout + result.stderr, "Duplicate definition")
    assert len(logs[0]) == spoiled and len(set(logs[0])) == spoiled  # once per file
    assert logs[1] == logs[0]
    served, again = _served(result.stdout + result.stderr)
    assert served > 0 and again > 0  # some of them were first read by the worker


@pytest.mark.slow
def test_reader_warnings_still_fail_a_fatal_build(tmp_path: Path) -> None:
    content, raw = _site(tmp_path, 150)
    _spoil(content, lambda p: p.write_text(
        p.read_text("utf-8").replace("\nSlug: ", "\nSlug: again\nSlug: ", 1), "utf-8"))
    outcomes = []
    for workers in (0, 1):
        result = _build(content, raw, tmp_path / f"build-{workers}", workers)
        log = result.stdout + result.stderr
        assert result.returncode != 0 and "Duplicate definition of `slug`" in log
        outcomes.append(_messages(log, "Could not process"))
    assert outcomes[0] == outcomes[1] and outcomes[0]


@pytest.mark.slow
def test_a_file_a_worker_cannot_read_fails_with_the_serial_error_naming_it(
        tmp_path: Path) -> None:
    content, raw = _site(tmp_path, 150)
    spoiled = _spoil(content, lambda p: p.write_bytes(p.read_bytes() + b"\n\xff\xfe broken\n"))
    logs = {}
    for workers in (0, 1):
        result = _build(content, raw, tmp_path / f"build-{workers}", workers, fatal=False)
        logs[workers] = _messages(result.stdout + result.stderr, "Could not process")
    assert len(logs[0]) == spoiled and all("-syn" in line for line in logs[0])
    assert logs[1] == logs[0]
    served, again = _served(result.stdout + result.stderr)
    assert served > 0 and again > 0


def test_worker_count_follows_the_setting() -> None:
    cpus = len(os.sched_getaffinity(0))
    assert parallel_read.worker_count({}) == max(0, min(parallel_read.MAX_WORKERS, cpus - 1))
    assert parallel_read.worker_count({"NEWSARCHIVE_READ_WORKERS": 0}) == 0
    assert parallel_read.worker_count({"NEWSARCHIVE_READ_WORKERS": 2}) == 2
    assert parallel_read.worker_count({"NEWSARCHIVE_READ_WORKERS": 99}) == parallel_read.MAX_WORKERS


def test_a_bad_setting_turns_parallel_reading_off(caplog: pytest.LogCaptureFixture) -> None:
    assert parallel_read.worker_count({"NEWSARCHIVE_READ_WORKERS": "two"}) == 0
    assert "NEWSARCHIVE_READ_WORKERS must be a whole number" in caplog.text


def test_no_fork_means_no_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert parallel_read.worker_count({"NEWSARCHIVE_READ_WORKERS": 2}) == 0


class _Generator(parallel_read.ArticlesGenerator):
    """Just what parallel_read uses of an ArticlesGenerator, over a folder of Markdown files."""

    def __init__(self, path: Path, workers: int) -> None:  # no Pelican setup: nothing else runs
        self.path = str(path)
        self.settings = {**DEFAULT_CONFIG, "READERS": {}, "NEWSARCHIVE_READ_WORKERS": workers,
                         "MARKDOWN": copy.deepcopy(DEFAULT_CONFIG["MARKDOWN"])}
        self.readers = Readers(self.settings)
        self._cache: dict[str, Any] = {}

    def get_files(self, paths: Any, exclude: Any = None, extensions: Any = None) -> list[str]:
        return sorted(p.name for p in Path(self.path).glob("*.md"))

    def generate_context(self) -> list[tuple[str, dict[str, Any]]]:
        reader = self.readers.readers["md"]
        return [reader.read(os.path.join(self.path, name)) for name in self.get_files(None)]


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.md").write_text(
            f"Title: Article {i}\nDate: 2020-01-{i % 28 + 1:02}\nTags: a, b{i}\n\n"
            f"Body *{i}* with [a link](https://example.org/{i}).\n", "utf-8")
    return folder


def test_results_equal_serial_reading_and_no_worker_outlives_the_read_phase(
        tmp_path: Path) -> None:
    folder = _articles(tmp_path / "articles", 120)
    serial = _Generator(folder, workers=0).generate_context()
    for _ in range(2):  # a devserver builds again in the same process
        generator = _Generator(folder, workers=2)
        parallel_read.install(generator)
        assert generator.generate_context() == serial
        assert multiprocessing.active_children() == []
        assert "read" not in generator.readers.readers["md"].__dict__  # the reader is restored


def test_an_interrupted_read_phase_stops_the_workers(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "articles", 120)
    generator = _Generator(folder, workers=1)
    reader = generator.readers.readers["md"]

    def interrupted() -> None:
        reader.read(str(folder / "a000.md"))
        assert multiprocessing.active_children()  # the worker is converting the rest
        raise KeyboardInterrupt

    generator.generate_context = interrupted  # type: ignore[method-assign]
    parallel_read.install(generator)
    with pytest.raises(KeyboardInterrupt):
        generator.generate_context()
    assert multiprocessing.active_children() == []
    assert "read" not in reader.__dict__
