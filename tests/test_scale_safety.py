"""Scale safety: the importer streams its inputs one at a time, so memory stays flat as a batch
grows, and an oversized input is refused from its size alone, before anything reads it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from tools.cli import cli
from tools.importer.pipeline import Options, import_paths

from conftest import ROOT, write_dumps

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"
# Runs the CLI and reports the process's peak resident memory (KB on Linux) on the last line.
PEAK_RSS = """\
import atexit, resource, sys
atexit.register(lambda: print("peak-rss-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                              file=sys.stderr))
from tools.cli import main
sys.argv = ["python -m tools", *sys.argv[1:]]
main()
"""


def peak_rss_kb(inputs: Path, out: Path) -> int:
    result = subprocess.run([sys.executable, "-c", PEAK_RSS, "import", str(inputs), "--out",
                             str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return int(re.findall(r"^peak-rss-kb (\d+)$", result.stderr, re.MULTILINE)[-1])


def test_memory_stays_flat_from_50_to_500_inputs(tmp_path: Path) -> None:
    """Measured: +0.2 MB from 50 to 500 dumps (44 MB both). Keeping every article of the batch
    in memory instead would add about 5 MB here, so the 2 MB bound catches that."""
    small, large = tmp_path / "small", tmp_path / "large"
    write_dumps(small, 50, paragraphs=8)
    write_dumps(large, 500, paragraphs=8)
    grown = peak_rss_kb(large, tmp_path / "out-large") - peak_rss_kb(small, tmp_path / "out-small")
    assert len(list((tmp_path / "out-large").rglob("*.md"))) == 500
    assert grown < 2048, f"peak memory grew by {grown} KB from 50 to 500 inputs"


def test_an_oversized_input_is_refused_in_under_a_second_without_being_read(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    with (inputs / "huge.txt").open("wb") as handle:  # sparse: 50 GB on paper, nothing on disk
        handle.truncate(50 * 1024**3)
    with (inputs / "big.html").open("wb") as handle:  # real bytes, just over the 5 MB limit
        handle.write(b"<html><body><p>" + b"kata " * (1024 * 1024 + 10) + b"</p></body></html>")
    for new_only in (False, True):  # --new-only hashes inputs to find imported ones
        started = time.perf_counter()
        results = list(import_paths([inputs], Options(out=tmp_path / "out", new_only=new_only)))
        elapsed = time.perf_counter() - started
        assert elapsed < 1.0, f"refusing took {elapsed:.2f} s"
        assert [r.status for r in results] == ["error", "error"]
        for result in results:
            assert result.path.name in result.message and "5 MB limit" in result.message


def test_the_command_reports_an_oversized_input_in_one_line(tmp_path: Path) -> None:
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024**3)
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "huge.txt"), "--new-only",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert result.output.startswith(f"error: {tmp_path / 'huge.txt'}: 53687091200 bytes")
