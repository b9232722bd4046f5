"""Run Pelican in this process and record where its time and memory go.

Usage: `python -m bench.pelican_probe PROBE.json [--profile OUT.prof] -- <pelican arguments>`.
Phases come from Pelican's own signals (same probe for bare and project builds, so it costs both
the same): `init` (settings, plugins), `read` (generate_context: Markdown reading, plugin context),
`write` (templates rendered and written) and `finalize` (the `finalized` handlers, i.e. the Pagefind
index). Each plugin handler of the main signals is timed on its own (`handlers_s`). Peak RSS of
Pelican comes from getrusage, that of the Pagefind service from bench.pagefind_wrap.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from pelican import main as pelican_main
from pelican import signals

_marks: dict[str, float] = {}


def _mark(name: str) -> None:
    _marks.setdefault(name, time.perf_counter())


def _on_initialized(sender: Any) -> None:
    _mark("initialized")


def _on_generators_finalized(sender: Any) -> None:
    _mark("read_done")


# Signals whose handlers (the project's plugin) are timed one by one.
TIMED_SIGNALS = ["generator_init", "article_generator_finalized", "all_generators_finalized",
                 "article_writer_finalized", "finalized"]
_handlers: dict[str, float] = {}


def _receiver_name(receiver: Any) -> str:
    return f"{getattr(receiver, '__module__', '?')}.{getattr(receiver, '__qualname__', receiver)}"


def _instrument(name: str) -> None:
    """Time each receiver of a signal; for `finalized`, also mark when it is sent."""
    signal = getattr(signals, name)

    def send(sender: Any = None, /, **kwargs: Any) -> list[tuple[Any, Any]]:
        if name == "finalized":
            _mark("write_done")
        results = []
        for receiver in signal.receivers_for(sender):
            start = time.perf_counter()
            results.append((receiver, receiver(sender, **kwargs)))
            key = _receiver_name(receiver)
            _handlers[key] = _handlers.get(key, 0.0) + time.perf_counter() - start
        return results

    signal.send = send  # type: ignore[method-assign]


def _wrap_pagefind(folder: Path) -> Path:
    """Route the plugin's Pagefind service through bench.pagefind_wrap; returns its stats file."""
    from pagefind.service import get_executable

    real = get_executable()
    stats = folder / "pagefind-stats.jsonl"
    stats.unlink(missing_ok=True)
    script = folder / "pagefind-wrapped"
    root = Path(__file__).resolve().parents[1]
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{root}" exec "{sys.executable}" -m '
                      f'bench.pagefind_wrap "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    os.environ.update(PAGEFIND_BINARY_PATH=str(script), BENCH_PAGEFIND_REAL=str(real),
                      BENCH_PAGEFIND_STATS=str(stats))
    return stats


def _pagefind_runs(stats: Path) -> list[dict[str, float]]:
    if not stats.exists():
        return []
    return [json.loads(line) for line in stats.read_text(encoding="utf-8").splitlines() if line]


def phases(marks: dict[str, float]) -> dict[str, float]:
    """Seconds spent in each phase, from the raw marks (missing marks give no phase)."""
    order = ["start", "initialized", "read_done", "write_done", "end"]
    names = ["init", "read", "write", "finalize"]
    out: dict[str, float] = {}
    for name, (a, b) in zip(names, zip(order, order[1:], strict=False), strict=True):
        if a in marks and b in marks:
            out[name] = marks[b] - marks[a]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pelican_probe")
    parser.add_argument("probe_out", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("pelican_args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    pelican_args = [a for a in args.pelican_args if a != "--"]
    signals.initialized.connect(_on_initialized)
    signals.all_generators_finalized.connect(_on_generators_finalized)
    for name in TIMED_SIGNALS:
        _instrument(name)
    stats = _wrap_pagefind(args.probe_out.parent)
    code = 0
    _mark("start")
    try:
        if args.profile:
            profiler = cProfile.Profile()
            try:
                profiler.runcall(pelican_main, pelican_args)
            finally:
                profiler.dump_stats(args.profile)
        else:
            pelican_main(pelican_args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        _mark("end")
        result = {
            "phases_s": phases(_marks),
            "handlers_s": dict(sorted(_handlers.items(), key=lambda kv: -kv[1])),
            "total_s": _marks["end"] - _marks["start"],
            "pelican_peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "pagefind_runs": _pagefind_runs(stats),
            "exit_code": code,
        }
        args.probe_out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
