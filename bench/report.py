"""Markdown tables of benchmark results: one column per run (e.g. N = 1,000 and 10,000).

`python -m bench.report bench/results/*.json` prints the combined table docs/benchmarks.md embeds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.driver import TARGETS, ratios_and_targets

Row = tuple[str, Callable[[dict[str, Any]], str]]


def _get(r: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if not isinstance(r, dict) or r.get(key) is None:
            return None
        r = r[key]
    return r


def _fmt(value: Any, spec: str, unit: str = "") -> str:
    return "—" if value is None else f"{value:{spec}}{unit}"


def _warm_edits(r: dict[str, Any]) -> str:
    edits = r.get("warm_edits") or []
    return ", ".join(
        _fmt(edit.get("wall_s"), ".1f", " s")
        + (f" ({edit['position'] + 1:,}/{edit['pages']:,})" if "position" in edit else "")
        for edit in edits) or "—"


def _target(r: dict[str, Any], key: str) -> str:
    t = _get(r, "targets", key)
    if not t or t["met"] is None:
        return ""
    return " ✅" if t["met"] else " ❌"


def _phases(r: dict[str, Any], stage: str) -> str:
    p = _get(r, stage, "phases_s")
    if not p:
        return "—"
    return " / ".join(_fmt(p.get(k), ".1f") for k in ("read", "write", "finalize"))


def _search(r: dict[str, Any], which: int, field: str) -> Any:
    search = r.get("search") or {}
    words = list(search)
    return search[words[which]][field] if len(words) > which else None


ROWS: list[Row] = [
    ("importer: raw dumps/s (wall)", lambda r: _fmt(_get(r, "import", "per_s_wall"), ".0f")),
    (f"importer: raw dumps/s per core (CPU time) — target ≥ {TARGETS['import_per_core_s']:.0f}",
     lambda r: _fmt(_get(r, "import", "per_s_cpu"), ".0f") + _target(r, "import_per_core_s")),
    ("importer: peak RSS", lambda r: _fmt(_get(r, "import", "peak_rss_mib"), ".0f", " MiB")),
    ("bare Pelican cold build (baseline)",
     lambda r: _fmt(_get(r, "bare_cold", "wall_s"), ".1f", " s")),
    ("  read / write / finalize", lambda r: _phases(r, "bare_cold")),
    ("  peak RSS", lambda r: _fmt(_get(r, "bare_cold", "peak_rss_mib"), ".0f", " MiB")),
    ("project `make html` cold (build + index)",
     lambda r: _fmt(_get(r, "project_cold", "wall_s"), ".1f", " s")),
    ("  read / write / finalize", lambda r: _phases(r, "project_cold")),
    (f"  ratio to bare — target ≤ {TARGETS['build_ratio']}×",
     lambda r: _fmt(_get(r, "ratios", "build_ratio"), ".2f", "×") + _target(r, "build_ratio")),
    ("  CPU: Pelican's process (ratio to bare's CPU) + Pagefind's",
     lambda r: _fmt(_get(r, "pagefind", "pelican_cpu_s"), ".1f", " s") + " ("
     + _fmt(_get(r, "ratios", "pelican_cpu_ratio"), ".2f", "×") + ") + "
     + _fmt(_get(r, "pagefind", "cpu_s"), ".1f", " s")),
    ("  Pelican peak RSS", lambda r: _fmt(_get(r, "project_cold", "pelican_peak_rss_mib"), ".0f",
                                          " MiB")),
    ("warm rebuild after one edit (median)",
     lambda r: _fmt(_get(r, "project_warm", "wall_s"), ".1f", " s")),
    ("  each edit: time (edited page's place in its bundle's feeding order)", _warm_edits),
    (f"  ratio to project cold — target ≤ {TARGETS['warm_ratio']}×",
     lambda r: _fmt(_get(r, "ratios", "warm_ratio"), ".2f", "×") + _target(r, "warm_ratio")),
    ("Pagefind: index time left after Pelican's writing",
     lambda r: _fmt(_get(r, "pagefind", "index_s"), ".1f", " s")),
    ("Pagefind: CPU time of its processes (count)",
     lambda r: _fmt(_get(r, "pagefind", "cpu_s"), ".1f", " s")
     + f" ({_fmt(_get(r, 'pagefind', 'processes'), '.0f')})"),
    (f"Pagefind: peak RSS — target ≤ {TARGETS['pagefind_rss_mib']:.0f} MiB",
     lambda r: _fmt(_get(r, "pagefind", "peak_rss_mib"), ".0f", " MiB")
     + _target(r, "pagefind_rss_mib")),
    ("Pagefind: bundle size (files)",
     lambda r: _fmt((_get(r, "pagefind_bundle", "bytes") or 0) / 1e6 or None, ".1f", " MB")
     + f" ({_fmt(_get(r, 'pagefind_bundle', 'files'), '.0f')})"),
    ("search, typical word: word (articles containing it)",
     lambda r: f"`{_get(r, 'corpus', 'typical_word')}` ({_get(r, 'corpus', 'typical_df')})"),
    ("  bytes transferred, gzip — target ≤ 150 KB",
     lambda r: _fmt((_search(r, 0, "search_bytes") or 0) / 1000 or None, ".0f", " KB")
     + _target(r, "typical_search_kb")),
    ("  time to first result (cold, localhost)",
     lambda r: _fmt(_search(r, 0, "first_result_ms"), ".0f", " ms")),
    ("search, word in every article",
     lambda r: f"`{_get(r, 'corpus', 'every_word')}` ({_get(r, 'corpus', 'articles')})"),
    ("  bytes transferred, gzip — target ≤ 300 KB",
     lambda r: _fmt((_search(r, 1, "search_bytes") or 0) / 1000 or None, ".0f", " KB")
     + _target(r, "every_search_kb")),
    ("  time to first result (cold, localhost)",
     lambda r: _fmt(_search(r, 1, "first_result_ms"), ".0f", " ms")),
    ("  the typical word by relevance (newest bundles first), gzip — target ≤ 2× newest first",
     lambda r: _fmt((_search(r, 2, "search_bytes") or 0) / 1000 or None, ".0f", " KB")),
    ("  the every-article word by relevance, gzip",
     lambda r: _fmt((_search(r, 3, "search_bytes") or 0) / 1000 or None, ".0f", " KB")),
    ("article page: HTML + CSS (gzip)",
     lambda r: _fmt((_get(r, "article_page", "total_bytes") or 0) / 1000 or None, ".1f", " KB")
     + " (" + _fmt((_get(r, "article_page", "total_gzip_bytes") or 0) / 1000 or None, ".1f",
                   " KB") + ")"),
]


def _runs(r: dict[str, Any]) -> str:
    return "1 run" if r.get("repeat", 1) == 1 else f"median of {r['repeat']}"


def table(results: list[dict[str, Any]]) -> str:
    """One row per measure, one column per result (ordered by N)."""
    results = sorted(results, key=lambda r: r["n"])
    head = "| measure | " + " | ".join(f"N = {r['n']:,} ({_runs(r)})" for r in results) + " |"
    rule = "| --- | " + " | ".join("---:" for _ in results) + " |"
    rows = [f"| {label} | " + " | ".join(cell(r) for r in results) + " |" for label, cell in ROWS]
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    summary = __doc__.split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=summary)
    parser.add_argument("results", nargs="+", type=Path, help="bench/results/*.json files")
    paths = parser.parse_args(argv).results
    results = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    for result in results:  # from the raw figures, so older result files get newer rows too
        result["ratios"], result["targets"] = ratios_and_targets(result)
    sys.stdout.write(table(results) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
