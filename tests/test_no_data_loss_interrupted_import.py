"""An import killed at any moment (kill -9, a crash, a full disk) loses nothing: every article is
the old version or the new one, never half a file, and no leftover Pelican or the checker would
read. Writes go to a hidden temp file in the same folder, are fsynced, then renamed over the
article (tools/importer/write.py).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.checks.header import parse_header
from tools.errors import ToolError
from tools.importer.pipeline import Options, import_paths
from tools.importer.write import DurableBatch, atomic_write, edited_by_person
from tools.new import create_article

from conftest import ROOT, write_dumps

COUNT = 200
MARKDOWN = {".md", ".markdown", ".mkd", ".mdown"}  # what Pelican's Markdown reader picks up
TEMP_NAME = re.compile(r"^\.[^/]+\.md\.[^/.]+\.tmp$")


def import_cmd(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "tools", "import", str(inputs), "--out", str(out)]


def snapshot(out: Path) -> dict[Path, bytes]:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def kill_after(cmd: list[str], out: Path, new: dict[Path, bytes], written: int) -> int:
    """Start the import and kill -9 it once `written` articles hold their new text."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            done = sum(1 for rel, data in new.items() if _read(out / rel) == data)
            if done >= written:
                proc.kill()
                break
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return proc.returncode


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def test_a_killed_import_leaves_every_article_old_or_new_and_nothing_pelican_reads(tmp_path):
    inputs, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "reference"
    write_dumps(inputs, COUNT, version=1)
    subprocess.run(import_cmd(inputs, out), cwd=ROOT, check=True, capture_output=True)
    old = snapshot(out)
    assert len(old) == COUNT
    write_dumps(inputs, COUNT, version=2)  # every article gets a new paragraph
    shutil.copytree(out, reference)
    subprocess.run(import_cmd(inputs, reference), cwd=ROOT, check=True, capture_output=True)
    new = snapshot(reference)
    assert new.keys() == old.keys() and all(new[k] != old[k] for k in old)

    for written in (10, 60):  # two kills at different points of the batch
        code = kill_after(import_cmd(inputs, out), out, new, written)
        assert code == -9, f"the import finished before it could be killed ({code})"
        after = snapshot(out)
        articles = {rel: data for rel, data in after.items() if rel.suffix in MARKDOWN}
        assert articles.keys() == old.keys()
        halves = [rel for rel, data in articles.items() if data not in (old[rel], new[rel])]
        assert halves == [], f"articles neither old nor new (cut short?): {halves[:5]}"
        assert sum(articles[rel] == new[rel] for rel in articles) >= written
        assert any(articles[rel] == old[rel] for rel in articles), "nothing left to interrupt"
        leftovers = [rel for rel in after if rel.suffix not in MARKDOWN]
        assert all(TEMP_NAME.match(rel.name) for rel in leftovers), leftovers
        for rel in articles:  # the seal still matches: no article looks edited by a person
            assert not edited_by_person(articles[rel].decode("utf-8"))

    finished = subprocess.run(import_cmd(inputs, out), cwd=ROOT, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert {rel: data for rel, data in snapshot(out).items() if rel.suffix in MARKDOWN} == new


def test_an_interrupted_write_keeps_the_old_article_and_leaves_no_temp_file(tmp_path,
                                                                            monkeypatch):
    target = tmp_path / "2020" / "artikel.md"
    atomic_write(target, "Title: Lama\n\nTeks lama.\n")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C (or any crash) between writing and renaming

    monkeypatch.setattr("tools.importer.write.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "Title: Baru\n\nTeks baru.\n")
    assert target.read_text(encoding="utf-8") == "Title: Lama\n\nTeks lama.\n"
    assert [p.name for p in target.parent.iterdir()] == ["artikel.md"]


def test_a_full_disk_during_import_keeps_the_old_article_and_reports_one_line(tmp_path,
                                                                             monkeypatch):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_dumps(inputs, 3, version=1)
    assert all(r.status == "created" for r in import_paths([inputs], Options(out=out)))
    old = snapshot(out)
    write_dumps(inputs, 3, version=2)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tools.importer.write.os.fsync", disk_full)  # one file at a time
    monkeypatch.setattr("tools.importer.write.syncfs", disk_full)
    results = list(import_paths([inputs], Options(out=out)))
    assert [r.status for r in results] == ["error"] * 3
    for result in results:
        assert result.path.name in result.message and "No space left" in result.message
    assert snapshot(out) == old


def test_new_article_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    content = tmp_path / "content"

    def crash(*args: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr("tools.importer.write.os.replace", crash)
    with pytest.raises(ToolError, match="cannot write the file .I/O error.; nothing was written"):
        create_article("Gencatan Senjata di Karabakh", content=content, date="2020-10-23")
    assert [p for p in content.rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    path = create_article("Gencatan Senjata di Karabakh", content=content, date="2020-10-23")
    assert parse_header(path.read_text(encoding="utf-8").split("\n")).first("title")
    assert [p for p in content.rglob("*") if p.is_file()] == [path]


def test_a_batch_renames_nothing_before_all_its_temp_files_are_durable(tmp_path, monkeypatch):
    targets = [tmp_path / "2020" / f"a{i}.md" for i in range(3)]
    atomic_write(targets[0], "Title: Lama\n\nTeks lama.\n")
    batch = DurableBatch()
    for target in targets:
        batch.add(target, f"Title: {target.stem}\n\nTeks baru.\n")
    batch.add(targets[1], "Title: later\n\nTeks baru.\n")  # the later text wins
    synced: list[list[str]] = []

    def barrier(paths: object, *folder_fds: object) -> None:
        temps = sorted(paths)  # type: ignore[call-overload]
        assert all(Path(tmp).read_bytes() for tmp in temps)
        assert targets[0].read_text(encoding="utf-8") == "Title: Lama\n\nTeks lama.\n"
        assert not targets[1].exists() and not targets[2].exists()
        synced.append(temps)

    monkeypatch.setattr("tools.importer.write.make_durable", barrier)
    assert batch.commit() == (set(), None)
    assert len(synced) == 1 and len(synced[0]) == 3
    assert [t.read_text(encoding="utf-8").split("\n")[0] for t in targets] == [
        "Title: a0", "Title: later", "Title: a2"]
    assert sorted(p.name for p in targets[0].parent.iterdir()) == ["a0.md", "a1.md", "a2.md"]
