"""`import --jobs N` uses N processes and writes exactly what one process writes: the same
files, bytes, slugs (colliding titles included) and report, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli

from conftest import ROOT, write_dumps

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def test_jobs_give_the_same_articles_and_report_as_one_process(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_dumps(inputs, 40)
    shutil.copy(SEED, inputs / "a-seed.txt")
    (inputs / "b-seed.txt").write_bytes(SEED.read_bytes() + b"\n")  # same title: slug suffix
    (inputs / "empty.txt").write_bytes(b"")  # refused in both
    reports = {}
    for jobs in ("1", "3"):
        out = tmp_path / f"out-{jobs}"
        result = CliRunner().invoke(cli, ["import", str(inputs), "--out", str(out),
                                          "--jobs", jobs])
        assert result.exit_code == 1, result.output  # the empty file
        totals = result.stderr.rstrip().rsplit("\n", 1)[-1]  # after the progress bar
        reports[jobs] = result.stdout.replace(str(out), "OUT") + totals
    one, three = tree(tmp_path / "out-1"), tree(tmp_path / "out-3")
    assert len(one) == 42
    assert one == three
    assert reports["1"] == reports["3"]
    assert "42 created, 0 updated, 0 unchanged, 1 refused" in reports["3"]
