"""The index is built while Pelican writes, and a rebuild re-indexes only the bundles that changed.

Real Pelican builds of the search fixture split into three bundles (2021 at pagefind/, 2020 and
2019 under pagefind/shards/), with the incremental writer on (as `make html` builds), so pages
that did not change are not rewritten and the index has to read them from disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT, build_site

CONTENT = FIXTURES / "search" / "content"
BUNDLES = {"pagefind": "2021", "pagefind/shards/2020-2020": "2020",
           "pagefind/shards/2019-2019": "2019"}


def _build(content: Path, output: Path, cache: Path,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # Wide log lines: rich puts the logging module's name at the right edge of each line.
    return build_site(content, output, env={"COLUMNS": "400", **(env or {})}, verbose=True,
                      extra={
                          "PAGEFIND_SHARD_PAGES": "4", "CACHE_PATH": json.dumps(str(cache)),
                          "CACHE_CONTENT": "true", "LOAD_CONTENT_CACHE": "true"})


def _log(result: subprocess.CompletedProcess[str]) -> str:
    return " ".join((result.stdout + result.stderr).split())


def _equals_clean_build(content: Path, output: Path, tmp_path: Path, name: str) -> None:
    clean = tmp_path / name
    _build(content, clean, tmp_path / f"{name}-cache")
    assert ({p: v[0] for p, v in _bundle_files(output).items()}
            == {p: v[0] for p, v in _bundle_files(clean).items()})


def _bundle_files(output: Path) -> dict[str, tuple[str, int, int]]:
    """{path: (sha256, mtime_ns, inode)} of every file of every search bundle."""
    files = {}
    for path in sorted((output / "pagefind").rglob("*")):
        if path.is_file():
            info = path.stat()
            files[path.relative_to(output).as_posix()] = (
                hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_ino)
    return files


def _owner(path: str) -> str:
    """The bundle a file under pagefind/ belongs to."""
    return next(b for b in sorted(BUNDLES, key=len, reverse=True) if path.startswith(b + "/"))


def _content(tmp_path: Path) -> Path:
    return shutil.copytree(CONTENT, tmp_path / "content")


def test_bundles_indexed_from_disk_equal_the_streamed_ones(tmp_path: Path) -> None:
    content, output, cache = _content(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)  # cold: every page streamed to Pagefind as it is written
    streamed = _bundle_files(output)
    assert {_owner(p) for p in streamed} == set(BUNDLES)
    pages = sorted(output.glob("20*/**/index.html"))
    page_times = {p: p.stat().st_mtime_ns for p in pages}
    shutil.rmtree(cache / "search-index")  # forget the index manifest: every bundle is rebuilt
    log = _log(_build(content, output, cache))  # nothing changed: no page is written again
    assert "in 3 bundle(s), 3 rebuilt, 0 unchanged" in log
    assert {p: p.stat().st_mtime_ns for p in pages} == page_times, "pages were not rewritten"
    # Indexed again from the pages on disk, to the very same bytes: no file had to be rewritten.
    assert _bundle_files(output) == streamed


def test_an_edit_rebuilds_only_its_bundle_and_equals_a_clean_build(tmp_path: Path) -> None:
    content, output, cache = _content(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    before = _bundle_files(output)
    article = content / "articles" / "2020" / "pashinyan-menolak-tuduhan.md"
    article.write_text(article.read_text("utf-8") + "\nKalimat baru tentang perbatasan.\n",
                       encoding="utf-8")
    _build(content, output, cache)
    after = _bundle_files(output)
    untouched = {p: v for p, v in before.items() if _owner(p) != "pagefind/shards/2020-2020"}
    assert {p: after.get(p) for p in untouched} == untouched  # same bytes, mtime and inode
    # In the rebuilt bundle, files whose bytes changed are new; the others are left as they were.
    rebuilt = {p: v for p, v in after.items() if _owner(p) == "pagefind/shards/2020-2020"}
    changed = {p for p, v in rebuilt.items() if before.get(p, (None,))[0] != v[0]}
    assert "pagefind/shards/2020-2020/pagefind-entry.json" in changed
    assert any("/fragment/" in p for p in changed) and any("/index/" in p for p in changed)
    assert all(rebuilt[p][1:] != before.get(p, (None, None, None))[1:] for p in changed)
    kept = rebuilt.keys() - changed
    assert kept and all(rebuilt[p] == before[p] for p in kept)  # same bytes, mtime and inode
    gone = {p for p in before if _owner(p) == "pagefind/shards/2020-2020"} - rebuilt.keys()
    assert gone and not any((output / p).exists() for p in gone)
    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "clean-cache")
    assert {p: v[0] for p, v in after.items()} == {p: v[0] for p, v in _bundle_files(clean).items()}


def test_an_article_moved_inside_its_bundle_reindexes_only_that_bundle(tmp_path: Path) -> None:
    """The oldest 2020 article gets a later date: its bundle's page order changes, so that bundle
    (and only it) is indexed again, after the write phase from the pages on disk, and equals a
    clean build's."""
    content, output, cache = _content(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    oldest = content / "articles" / "2020" / "serangan-artileri-di-stepanakert.md"
    text = oldest.read_text("utf-8")
    assert "Date: 2020-09-28T09:00:00+07:00" in text
    oldest.write_text(text.replace("Date: 2020-09-28T09:00:00+07:00",
                                   "Date: 2020-10-25T09:00:00+07:00"), encoding="utf-8")
    log = _log(_build(content, output, cache))
    assert "in 3 bundle(s), 1 rebuilt, 2 unchanged" in log
    _equals_clean_build(content, output, tmp_path, "clean")


def test_a_year_whose_articles_are_gone_loses_its_bundle(tmp_path: Path) -> None:
    content, output, cache = _content(tmp_path), tmp_path / "out", tmp_path / "cache"
    _build(content, output, cache)
    shutil.rmtree(content / "articles" / "2019")
    _build(content, output, cache)
    assert not (output / "pagefind" / "shards" / "2019-2019").exists()
    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "clean-cache")
    assert ({p: v[0] for p, v in _bundle_files(output).items()}
            == {p: v[0] for p, v in _bundle_files(clean).items()})


def test_a_pagefind_service_that_dies_mid_stream_fails_the_build(tmp_path: Path) -> None:
    """The real binary, fed only the plugin's first request (it creates the index): then its
    input ends and it exits, as after a crash. The build must fail at once, not wait forever."""
    import base64

    from pagefind.service import get_executable

    first = {"message_id": 1, "payload": {"type": "NewIndex", "config": {}}}
    size = len(base64.b64encode(json.dumps(first).encode())) + 1  # the request and its comma
    fake = tmp_path / "pagefind-dies"
    fake.write_text(f'#!/bin/sh\nhead -c {size} | "{get_executable()}" "$@"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    cmd = [sys.executable, "-m", "pelican", str(CONTENT), "-o", str(tmp_path / "out"),
           "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings",
           "-e", f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PAGEFIND_BINARY_PATH": str(fake),
                                 "COLUMNS": "250"})
    assert result.returncode != 0
    assert "Pagefind's indexing service" in " ".join((result.stdout + result.stderr).split())
    assert not (tmp_path / "cache" / "search-index").exists() or not any(
        (tmp_path / "cache" / "search-index").iterdir()), "a failed build records no manifest"
