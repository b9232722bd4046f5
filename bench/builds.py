"""The measured stages that run a program: the importer and the Pelican builds (bare and project).

Every Pelican build goes through `bench.pelican_probe`, so bare and project builds carry the same
(tiny) instrumentation and both report their phases and peak memory the same way.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import run_measured, tree_size

ROOT = Path(__file__).resolve().parents[1]
PROJECT_SETTINGS = ROOT / "pelicanconf.py"
BARE_SETTINGS = Path(__file__).resolve().parent / "bare_settings.py"


@dataclass
class BuildSpec:
    """One kind of Pelican build over the synthetic content."""

    name: str
    settings: Path
    content: Path
    output: Path
    cache: Path
    logs: Path
    fatal: bool
    overrides: dict[str, Any]

    def command(self, probe: Path, profile: Path | None = None) -> list[str]:
        cmd = [sys.executable, "-m", "bench.pelican_probe"]
        if profile:
            cmd += ["--profile", str(profile)]
        cmd += [str(probe), "--", str(self.content), "-o", str(self.output),
                "-s", str(self.settings)]
        if self.fatal:
            cmd += ["--fatal", "warnings"]
        overrides = {"CACHE_PATH": str(self.cache), **self.overrides}
        # One -e for all pairs: Pelican keeps only the last -e flag's pairs.
        cmd += ["-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
        return cmd


def bare_spec(work: Path, content: Path) -> BuildSpec:
    return BuildSpec("bare", BARE_SETTINGS, content, work / "out-bare", work / "cache-bare",
                     work / "logs", fatal=False, overrides={})


def project_spec(work: Path, content: Path, raw: Path,
                 settings: dict[str, Any] | None = None) -> BuildSpec:
    """The project's own settings, theme and plugin, pointed at the synthetic content
    (`settings`: more overrides, from `--set`)."""
    return BuildSpec("project", PROJECT_SETTINGS, content, work / "out-project",
                     work / "cache-project", work / "logs", fatal=True,
                     # As `make html` runs it (Makefile CACHEOPTS): content cache on.
                     overrides={"RAW_SEEDS_PATH": str(raw), "CACHE_CONTENT": True,
                                "LOAD_CONTENT_CACHE": True, **(settings or {})})


def pelican_build(spec: BuildSpec, label: str, cold: bool,
                  profile: Path | None = None) -> dict[str, Any]:
    """Run one build; a cold build starts from an empty output folder and no cache."""
    if cold:
        shutil.rmtree(spec.output, ignore_errors=True)
        shutil.rmtree(spec.cache, ignore_errors=True)
    spec.logs.mkdir(parents=True, exist_ok=True)
    probe = spec.logs / f"{label}.probe.json"
    run = run_measured(spec.command(probe, profile), cwd=ROOT,
                       log_path=spec.logs / f"{label}.log")
    details = json.loads(probe.read_text(encoding="utf-8"))
    services = details.get("pagefind_runs") or []
    if services:  # numbers at the top level, so the driver's medians cover them
        details["pagefind_peak_rss_mib"] = max(s["peak_rss_mib"] for s in services)
        details["pagefind_service_s"] = sum(s["wall_s"] for s in services)
        details["pagefind_cpu_s"] = sum(s["cpu_s"] for s in services)
        details["pagefind_processes"] = len(services)
    return {**run.as_dict(), **details}


def import_dumps(raw: Path, out: Path, logs: Path) -> dict[str, Any]:
    """Import every raw dump with the real CLI (`python -m tools import`) into a work folder."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    logs.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "tools", "import", str(raw), "--out", str(out)]
    run = run_measured(cmd, cwd=ROOT, log_path=logs / "import.log")
    written = sum(1 for _ in out.rglob("*.md"))
    inputs = sum(1 for _ in raw.glob("*.txt"))
    return {
        **run.as_dict(),
        "inputs": inputs,
        "written": written,
        "per_s_wall": inputs / run.wall_s,
        "per_s_cpu": inputs / run.cpu_s if run.cpu_s else 0.0,
    }


def edit_one_article(content: Path, index: int, marker: str) -> Path:
    """Append a sentence with a unique word to one article, as an editor fixing a typo would."""
    files = sorted((content / "articles").rglob("*.md"))
    path = files[index % len(files)]
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nKoreksi redaksi: {marker}.\n")
    return path


def bundle_position(cache: Path, slug: str) -> dict[str, Any]:
    """Where the article's page sits in its search bundle after the build: {bundle, position
    (0 = fed first), pages}, from the plugin's search manifest; {} if it cannot be told."""
    for manifest in sorted((cache / "search-index").glob("*.json")):
        bundles = json.loads(manifest.read_text(encoding="utf-8")).get("data") or {}
        for label, bundle in bundles.items():
            urls = [page[0] for page in bundle.get("pages") or ()]
            for position, url in enumerate(urls):
                if url.rstrip("/").endswith("/" + slug):
                    return {"bundle": label, "position": position, "pages": len(urls)}
    return {}


def bundle_stats(output: Path, subpath: str = "pagefind") -> dict[str, Any]:
    size, files = tree_size(output / subpath)
    return {"bytes": size, "files": files}
