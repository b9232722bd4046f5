"""Run a command and measure it: wall time, CPU time and peak memory of its whole process tree.

`os.wait4` returns the rusage of exactly that child (with its waited-for descendants), so each
stage gets its own peak RSS — unlike RUSAGE_CHILDREN, which only ever grows over the driver's life.
"""

from __future__ import annotations

import logging
import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

logger = logging.getLogger(__name__)


class StageError(RuntimeError):
    """A measured command failed; the message carries the tail of its output."""


@dataclass
class Run:
    """One measured command: seconds of wall and CPU time, peak RSS in MiB."""

    wall_s: float
    cpu_s: float
    peak_rss_mib: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def run_measured(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None,
                 log_path: Path | None = None) -> Run:
    """Run cmd to completion; raise StageError (with its log tail) when it exits non-zero."""
    log_path = log_path or Path(os.devnull)
    logger.debug("running %s", " ".join(map(str, cmd)))
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(list(map(str, cmd)), cwd=cwd, env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = ""
        if log_path != Path(os.devnull):
            tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-30:])
        raise StageError(f"{cmd[0]} … exited {proc.returncode}:\n{tail}")
    # Linux reports ru_maxrss in KiB.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_run(runs: Sequence[Run]) -> Run:
    """Field-wise median of several runs of the same command."""
    return Run(
        statistics.median(r.wall_s for r in runs),
        statistics.median(r.cpu_s for r in runs),
        statistics.median(r.peak_rss_mib for r in runs),
    )


def tree_size(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)
