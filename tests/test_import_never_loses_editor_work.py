"""Nothing an editor did is undone by an import without a message: a moved article is updated
where it is (not duplicated), a withdrawn article stays withdrawn through `make import`,
--force keeps the editor's version, and a second import into the same folder is refused while
the first runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tools.check import run_check
from tools.cli import cli
from tools.importer.import_lock import import_lock

from conftest import ROOT

SEED = ROOT / "seeds" / "000_3814e48b976ab4c4.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def site(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "site"
    articles, seeds = root / "content" / "articles", root / "seeds"
    articles.mkdir(parents=True)
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    return root, articles, seeds


def make_import(root: Path) -> subprocess.CompletedProcess[str]:
    """What `make import` runs, in this site's folder."""
    return subprocess.run([sys.executable, "-m", "tools", "import", "--new-only", "seeds"],
                          cwd=root, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_an_article_moved_to_another_year_is_updated_there_not_duplicated(tmp_path):
    root, articles, seeds = site(tmp_path)
    assert run("import", str(seeds), "--out", str(articles)).exit_code == 0
    (article,) = articles.rglob("*.md")
    moved = articles / "2021" / article.name
    moved.parent.mkdir()
    shutil.move(article, moved)
    result = run("import", str(seeds), "--out", str(articles))
    assert result.exit_code == 0, result.output
    assert list(articles.rglob("*.md")) == [moved]
    assert f"{moved}: unchanged" in result.output


def test_a_withdrawn_article_stays_withdrawn_through_make_import(tmp_path):
    root, articles, seeds = site(tmp_path)
    assert make_import(root).returncode == 0
    (article,) = articles.rglob("*.md")
    result = run("withdraw", str(article), "--reason", "takedown request of 2026-12-01")
    assert result.exit_code == 0, result.output
    assert not article.exists()
    listing = root / "tools" / "data" / "withdrawn.yaml"
    assert "takedown request of 2026-12-01" in listing.read_text(encoding="utf-8")
    again = make_import(root)
    assert again.returncode == 0, again.stderr
    assert not list(articles.rglob("*.md")), "the seed was not imported again"
    forced = run("import", str(seeds), "--out", str(articles))
    assert "withdrawn (takedown request of 2026-12-01)" in forced.output
    assert "1 withdrawn (skipped)" in forced.output
    assert (seeds / SEED.name).read_bytes() == SEED.read_bytes(), "the seed is untouched"


def test_check_reports_an_article_that_was_withdrawn_but_is_back(tmp_path):
    root, articles, seeds = site(tmp_path)
    assert run("import", str(seeds), "--out", str(articles)).exit_code == 0
    (article,) = articles.rglob("*.md")
    kept = article.read_bytes()
    assert run("withdraw", str(article), "--reason", "court order").exit_code == 0
    article.write_bytes(kept)  # e.g. restored from git by mistake
    problems, _ = run_check([root / "content"], content=root / "content")
    assert any("was withdrawn (court order)" in p.message for p in problems), problems


def test_force_keeps_a_backup_of_the_editors_version_and_says_where(tmp_path):
    root, articles, seeds = site(tmp_path)
    assert run("import", str(seeds), "--out", str(articles)).exit_code == 0
    (article,) = articles.rglob("*.md")
    edited = article.read_text(encoding="utf-8").replace("Menlu Armeni", "Menlu Armenia")
    article.write_text(edited, encoding="utf-8")
    result = run("import", str(seeds), "--out", str(articles), "--force")
    assert result.exit_code == 0, result.output
    backup = articles / ".import-backups" / "2020" / f"{article.name}.1"
    assert backup.read_text(encoding="utf-8") == edited
    assert f"the editor's version of {article} kept as {backup}" in result.output
    assert "Menlu Armeni Zohrab" in article.read_text(encoding="utf-8")


def test_a_second_import_into_the_same_folder_is_refused_while_one_runs(tmp_path):
    root, articles, seeds = site(tmp_path)
    with import_lock(articles):  # the first import, still running
        result = subprocess.run([sys.executable, "-m", "tools", "import", str(seeds),
                                 "--out", str(articles)], cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 1
    assert f"another import is running (pid {os.getpid()})" in result.stderr
    assert not list(articles.rglob("*.md"))
    assert run("import", str(seeds), "--out", str(articles)).exit_code == 0, "lock released"


def test_a_withdrawn_article_and_its_raw_seed_leave_the_built_site(tmp_path):
    """`make html` builds incrementally; the withdrawn page and raw seed must still go."""
    from conftest import build_site

    root, articles, seeds = site(tmp_path)
    assert run("import", str(seeds), "--out", str(articles)).exit_code == 0
    output = tmp_path / "output"
    cache = {"CACHE_PATH": f'"{tmp_path / "cache"}"', "CACHE_CONTENT": "true",
             "LOAD_CONTENT_CACHE": "true"}  # as the Makefile's CACHEOPTS
    build_site(root / "content", output, extra=cache)
    assert (output / "raw" / SEED.name).is_file()
    (article,) = articles.rglob("*.md")
    assert run("withdraw", str(article), "--reason", "takedown").exit_code == 0
    build_site(root / "content", output, extra=cache)
    assert not (output / "raw" / SEED.name).exists()
    assert not list(output.rglob(f"*{article.stem}*"))
