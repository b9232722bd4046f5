"""The benchmark driver keeps working end to end at a tiny N (not a timed test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, Path]:
    work = tmp_path_factory.mktemp("bench-work")
    results = tmp_path_factory.mktemp("bench-results")
    cmd = [sys.executable, "-m", "bench", "--n", "20", "--repeat", "1", "--work", str(work),
           "--results", str(results)]
    if not CHROMIUM.exists():
        cmd.append("--no-browser")
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (path,) = results.glob("bench-n20-*.json")
    return json.loads(path.read_text()), proc.stdout, work


def test_every_stage_reports_a_measure(bench_run: tuple[dict, str, Path]) -> None:
    result, _, _ = bench_run
    assert result["errors"] == {}
    assert result["import"]["written"] == result["import"]["inputs"] == 20
    for stage in ("bare_cold", "project_cold", "project_warm"):
        assert result[stage]["wall_s"] > 0 and result[stage]["peak_rss_mib"] > 0
    assert result["pagefind"]["peak_rss_mib"] > 0
    assert result["pagefind_bundle"]["files"] > 0
    assert result["article_page"]["pages"] == 20
    assert set(result["targets"]) >= {"build_ratio", "warm_ratio", "pagefind_rss_mib"}
    if CHROMIUM.exists():
        assert result["targets"]["typical_search_kb"]["met"] is not None
        assert result["targets"]["every_search_kb"]["met"] is not None


def test_warm_builds_edit_three_articles_and_say_where_each_sits_in_its_bundle(
        bench_run: tuple[dict, str, Path]) -> None:
    result, stdout, _ = bench_run
    edits = result["warm_edits"]
    assert len(edits) == 3 and len({edit["file"] for edit in edits}) == 3
    assert len(result["project_warm"]["runs_wall_s"]) == 3
    for edit in edits:
        assert edit["wall_s"] > 0 and 0 <= edit["position"] < edit["pages"] <= 20
    first = edits[0]
    assert f"{first['wall_s']:.1f} s ({first['position'] + 1}/{first['pages']})" in stdout


def test_browser_search_measures_bytes_and_time(bench_run: tuple[dict, str, Path]) -> None:
    result, _, _ = bench_run
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    searches = result["search"]
    typical = result["corpus"]["typical_word"]
    assert list(searches) == [typical, "kaukasus", f"{typical} by relevance",
                              "kaukasus by relevance"]
    for measure in searches.values():
        assert measure["search_bytes"] > 10_000  # at least Pagefind's JS and wasm
        assert measure["by_kind"].get("chunks", 0) > 0
        assert measure["first_result_ms"] > 0


def test_prints_the_markdown_table(bench_run: tuple[dict, str, Path]) -> None:
    _, stdout, _ = bench_run
    assert stdout.startswith("| measure | N = 20 (1 run) |")
    assert "bare Pelican cold build" in stdout


def test_synthetic_articles_are_marked_and_kept_out_of_content(
        bench_run: tuple[dict, str, Path]) -> None:
    _, _, work = bench_run
    articles = list((work / "content" / "articles").rglob("*.md"))
    assert len(articles) == 20
    assert all("\nSynthetic: true\n" in a.read_text() for a in articles)
    assert not list((ROOT / "content").rglob("*syn[0-9]*.md"))


def test_skipped_stages_are_left_out_and_the_project_build_still_measured(
    tmp_path: Path,
) -> None:
    """A 100,000-article run measures the project build alone: skipped stages must not run."""
    cmd = [sys.executable, "-m", "bench", "--n", "10", "--repeat", "1", "--no-browser",
           "--skip", "import", "--skip", "bare", "--skip", "warm",
           "--set", "PAGEFIND_SHARD_PAGES=3",  # a setting for the project build: small bundles
           # relative, as typed at a prompt: the raw dumps must still be found by the build
           "--work", os.path.relpath(tmp_path / "work", ROOT),
           "--results", str(tmp_path / "results")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (path,) = (tmp_path / "results").glob("bench-n10-*.json")
    result = json.loads(path.read_text())
    assert result["skipped"] == ["bare", "import", "warm"]
    assert "import" not in result and result["bare_cold"] is None
    assert "project_warm" not in result
    assert result["project_cold"]["wall_s"] > 0
    assert result["pagefind_bundle"]["files"] > 0
    assert not (tmp_path / "work" / "imported").exists()
    assert result["settings"] == {"PAGEFIND_SHARD_PAGES": 3}
    bundles = list((tmp_path / "work" / "out-project").rglob("pagefind-entry.json"))
    assert len(bundles) > 1  # 10 articles over five years, at most 3 pages a bundle
