"""A batch reads each input once when it can: the repeated-line pre-pass keeps what it read (up to
a size cap) for the main pass, which gets each kept article once; the rest are read again."""

from __future__ import annotations

from pathlib import Path

from tools.importer.pipeline import Options, import_paths
from tools.importer.readcache import ReadCache

from conftest import write_dumps


def test_kept_articles_are_given_out_once_then_read_again(tmp_path: Path) -> None:
    path = write_dumps(tmp_path / "raw", 1)[0]
    cache = ReadCache()
    first = cache.read(path)
    assert cache.take(path) is first
    again = cache.take(path)
    assert again is not first and again.text == first.text
    assert cache.bytes == 0


def test_inputs_over_the_cap_are_read_again_with_the_same_result(tmp_path: Path) -> None:
    paths = write_dumps(tmp_path / "raw", 3)
    import sys

    first_size = sys.getsizeof(ReadCache(max_bytes=0).read(paths[0]).text)
    cache = ReadCache(max_bytes=first_size + 10)
    kept = cache.read(paths[0])
    over = [cache.read(p) for p in paths[1:]]
    assert cache.take(paths[0]) is kept
    assert all(cache.take(p) is not a and cache.take(p).text == a.text
               for p, a in zip(paths[1:], over, strict=True))


def test_a_batch_imports_the_same_with_and_without_keeping(tmp_path: Path,
                                                           monkeypatch) -> None:
    write_dumps(tmp_path / "raw", 4)
    kept = {r.path.name: (r.status, r.target.read_bytes()) for r in
            import_paths([tmp_path / "raw"], Options(out=tmp_path / "a"))}
    monkeypatch.setattr("tools.importer.pipeline.ReadCache", lambda: ReadCache(max_bytes=0))
    reread = {r.path.name: (r.status, r.target.read_bytes()) for r in
              import_paths([tmp_path / "raw"], Options(out=tmp_path / "b"))}
    assert kept == reread and len(kept) == 4
