"""Run every benchmark stage once, side by side with bare Pelican, and collect the results.

Stages run in one process on one corpus so the ratios compare like with like on a noisy machine:
bare and project cold builds are interleaved (bare, project, bare, project, ...). A failing stage
is recorded with its error and the others still run; the driver then exits non-zero.
"""

from __future__ import annotations

import logging
import os
import platform
import statistics
import subprocess
import time
from dataclasses import asdict
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench import builds
from bench.pages import article_page_weight
from bench.prepare import prepare

logger = logging.getLogger(__name__)

TARGETS = {  # the budget docs/benchmarks.md states
    "build_ratio": 1.15,  # project cold (build + index) / bare cold
    "warm_ratio": 0.25,  # one-edit rebuild / project cold
    "pagefind_rss_mib": 600.0,
    "typical_search_kb": 150.0,  # KB = 1000 bytes, gzip-served
    "every_search_kb": 300.0,
    "import_per_core_s": 300.0,  # the speed budget (docs/importer.md, "Speed")
}


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median of each numeric field (and of nested dicts of numbers) over repeated runs."""
    out: dict[str, Any] = {}
    for key, value in runs[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = statistics.median(r[key] for r in runs)
        elif isinstance(value, dict):
            out[key] = median_of([r.get(key, {}) for r in runs]) if value else {}
        else:
            out[key] = value
    return out


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo
                if line.startswith("model name")), platform.processor())
    mem = next(line.split()[1] for line in meminfo if line.startswith("MemTotal"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem) / 1024**2, 1),
        "python": platform.python_version(),
        "pelican": version("pelican"),
        "pagefind": version("pagefind"),
        "load_avg_start": os.getloadavg(),
    }


def git_commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=builds.ROOT,
                            capture_output=True, text=True, check=False)
    return result.stdout.strip()


WARM_EDITS = 3  # warm one-edit builds per run, whatever --repeat says


class Driver:
    """Holds the work folder, the results and the stage errors of one benchmark run."""

    def __init__(self, n: int, work: Path, repeat: int, browser: bool, profile: bool,
                 skip: frozenset[str] = frozenset(),
                 settings: dict[str, Any] | None = None) -> None:
        self.n, self.work, self.repeat = n, work, repeat
        self.browser, self.profile, self.skip = browser, profile, skip
        self.settings = settings or {}  # for the project builds, on top of pelicanconf.py
        self.results: dict[str, Any] = {"n": n, "repeat": repeat, "errors": {},
                                        "settings": self.settings}

    def stage(self, name: str, func: Any, *args: Any) -> Any:
        """Run one stage, recording its error instead of stopping the whole run."""
        logger.info("stage %s", name)
        start = time.perf_counter()
        try:
            value = func(*args)
        except Exception as exc:  # a stage boundary: record any failure, run the rest
            logger.error("stage %s failed: %s", name, exc)
            self.results["errors"][name] = str(exc)[-2000:]
            return None
        logger.info("stage %s done in %.1f s", name, time.perf_counter() - start)
        return value

    def run(self) -> dict[str, Any]:
        r = self.results
        r["started"] = datetime.now(UTC).isoformat(timespec="seconds")
        r["commit"], r["machine"] = git_commit(), machine()
        corpus = prepare(self.work, self.n)
        r["corpus"] = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(corpus).items()}
        r["skipped"] = sorted(self.skip)
        if "import" not in self.skip:
            r["import"] = self.stage("import", builds.import_dumps, corpus.raw,
                                     self.work / "imported", self.work / "logs")
        bare = builds.bare_spec(self.work, corpus.content)
        project = builds.project_spec(self.work, corpus.content, corpus.raw, self.settings)
        self.cold_builds(None if "bare" in self.skip else bare, project)
        if "warm" not in self.skip:
            self.warm_builds(project, corpus.content)
        if self.profile:
            self.profiles(bare, project)
        self.site_measures(project, corpus.typical_word, corpus.every_word)
        r["machine"]["load_avg_end"] = os.getloadavg()
        r["ratios"], r["targets"] = ratios_and_targets(r)
        return r

    def cold_builds(self, bare: builds.BuildSpec | None, project: builds.BuildSpec) -> None:
        bare_runs, project_runs = [], []
        for i in range(self.repeat):
            if bare is not None:
                bare_runs.append(self.stage(f"bare cold {i + 1}", builds.pelican_build, bare,
                                            f"bare-cold-{i}", True))
            project_runs.append(self.stage(f"project cold {i + 1}", builds.pelican_build,
                                           project, f"project-cold-{i}", True))
        self.results["bare_cold"] = _median_or_none(bare_runs)
        self.results["project_cold"] = _median_or_none(project_runs)

    def warm_builds(self, project: builds.BuildSpec, content: Path) -> None:
        """Rebuild after editing one article (a different one each time, at least WARM_EDITS
        times: warm builds are short, and their time depends on where the edited page sits in
        its search bundle); the edit must show on its page."""
        runs, edits = [], []
        for i in range(max(self.repeat, WARM_EDITS)):
            marker = f"suntingan{i}bench"
            edited = builds.edit_one_article(content, i * 7919, marker)
            run = self.stage(f"project warm {i + 1}", builds.pelican_build, project,
                             f"project-warm-{i}", False)
            if run is not None and not _edit_visible(project.output, edited, marker):
                self.results["errors"][f"warm {i + 1}"] = f"edit of {edited.name} not in output"
            runs.append(run)
            edits.append({"file": edited.name, "wall_s": run and round(run["wall_s"], 2),
                          **builds.bundle_position(project.cache, _slug(edited))})
        self.results["project_warm"] = _median_or_none(runs)
        self.results["warm_edits"] = edits

    def profiles(self, bare: builds.BuildSpec, project: builds.BuildSpec) -> None:
        folder = builds.ROOT / "bench" / "results"
        folder.mkdir(parents=True, exist_ok=True)
        for spec in (bare, project) if "bare" not in self.skip else (project,):
            path = folder / f"profile-{spec.name}-n{self.n}.prof"
            self.stage(f"{spec.name} profile", builds.pelican_build, spec,
                       f"{spec.name}-profile", True, path)
            self.results.setdefault("profiles", {})[spec.name] = str(path)

    def site_measures(self, project: builds.BuildSpec, typical: str, every: str) -> None:
        """Bundle and page sizes and the browser searches, on the last complete project output."""
        if not (project.output / "pagefind").is_dir():
            self.stage("project rebuild", builds.pelican_build, project, "project-final", True)
        r = self.results
        r["pagefind_bundle"] = self.stage("bundle", builds.bundle_stats, project.output)
        r["article_page"] = self.stage("page weight", article_page_weight, project.output)
        if self.browser:
            from bench.browser import measure_searches, search_query

            # The targets' searches first (newest first, the default), then the same words by
            # relevance, ranked within the newest bundles that fill the first page.
            searches = [(typical, search_query(typical)), (every, search_query(every)),
                        (f"{typical} by relevance", search_query(typical, "relevance")),
                        (f"{every} by relevance", search_query(every, "relevance"))]
            r["search"] = self.stage("browser search", measure_searches, project.output,
                                     searches, max(self.repeat, 3))


def _median_or_none(runs: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    done = [run for run in runs if run is not None]
    if not done:
        return None
    return {**median_of(done), "runs_wall_s": [round(run["wall_s"], 2) for run in done]}


def _slug(article: Path) -> str:
    return next(line.split(":", 1)[1].strip() for line in article.read_text().splitlines()
                if line.lower().startswith("slug:"))


def _edit_visible(output: Path, edited: Path, marker: str) -> bool:
    slug = _slug(edited)
    return any(marker in page.read_text(encoding="utf-8")
               for page in output.glob(f"[0-9]*/[0-9]*/{slug}/index.html"))


def _pagefind(project_cold: dict[str, Any]) -> dict[str, Any]:
    handlers = project_cold.get("handlers_s", {})
    index_s = sum(s for name, s in handlers.items() if "search" in name and "collect" not in name)
    return {"index_s": index_s, "peak_rss_mib": project_cold.get("pagefind_peak_rss_mib"),
            "service_s": project_cold.get("pagefind_service_s"),
            "cpu_s": project_cold.get("pagefind_cpu_s"),
            "processes": project_cold.get("pagefind_processes"),
            # Indexing runs beside Pelican's writing now: split the CPU, not the wall time.
            "pelican_cpu_s": project_cold["cpu_s"] - (project_cold.get("pagefind_cpu_s") or 0)}


def ratios_and_targets(r: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Ratios within this run, and each target as {value, target, met}."""
    bare, cold, warm = r.get("bare_cold"), r.get("project_cold"), r.get("project_warm")
    ratios: dict[str, Any] = {}
    values: dict[str, float | None] = dict.fromkeys(TARGETS)
    if bare and cold:
        ratios["build_ratio"] = values["build_ratio"] = cold["wall_s"] / bare["wall_s"]
    if cold and warm:
        ratios["warm_ratio"] = values["warm_ratio"] = warm["wall_s"] / cold["wall_s"]
    if cold:
        r["pagefind"] = _pagefind(cold)
        if bare:
            ratios["pelican_cpu_ratio"] = r["pagefind"]["pelican_cpu_s"] / bare["cpu_s"]
        values["pagefind_rss_mib"] = r["pagefind"]["peak_rss_mib"]
    search = r.get("search") or {}
    words = list(search)
    if len(words) >= 2:  # the targets' two searches come first (site_measures)
        values["typical_search_kb"] = search[words[0]]["search_bytes"] / 1000
        values["every_search_kb"] = search[words[1]]["search_bytes"] / 1000
    if r.get("import"):
        values["import_per_core_s"] = r["import"]["per_s_cpu"]
    targets = {}
    for key, target in TARGETS.items():
        value = values[key]
        higher_is_better = key == "import_per_core_s"
        met = None if value is None else (value >= target if higher_is_better else value <= target)
        targets[key] = {"value": value, "target": target, "met": met}
    return ratios, targets
