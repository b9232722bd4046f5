"""An article's `Save_as:`/`Url:` cannot take a file the site generates: check and build refuse.

Pelican writes an article wherever its `Save_as:` says; `sitemap.xml`, the search script or the
Pagefind bundle would be replaced (and deleted by the next incremental build).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.check import run_check

from conftest import ROOT, build_site

ARTICLE = """Title: Laporan Khusus {n}
Date: 2020-10-22T00:00:00+07:00
Slug: laporan-khusus-{n}
Lang: id
Tags: Armenia
{field}
Synthetic: true

Teks laporan khusus tentang gencatan senjata {n}.
"""
GENERATED = ["Save_as: sitemap.xml", "Save_as: theme/js/search.js",
             "Save_as: pagefind/pagefind.js", "Save_as: index.html",
             "Save_as: feeds/all.atom.xml", "Url: search/", "Save_as: 2020/index.html"]


def _content(tmp_path: Path, field: str) -> tuple[Path, Path]:
    content = tmp_path / "content"
    (content / "articles" / "2020").mkdir(parents=True)
    (content / "pages").mkdir()
    path = content / "articles" / "2020" / "laporan-khusus-1.md"
    path.write_text(ARTICLE.format(n=1, field=field), encoding="utf-8")
    other = content / "articles" / "2020" / "laporan-khusus-2.md"
    other.write_text(ARTICLE.format(n=2, field=""), encoding="utf-8")
    return content, path


@pytest.mark.parametrize("field", GENERATED)
def test_check_refuses_a_generated_path(tmp_path: Path, field: str) -> None:
    content, path = _content(tmp_path, field)
    problems, _ = run_check([path], content=content)
    assert [(p.line, p.severity) for p in problems] == [(6, "error")], problems
    assert field.split(": ")[1] in problems[0].message


@pytest.mark.parametrize("field", ["Save_as: sitemap.xml", "Save_as: theme/js/search.js",
                                   "Url: search/"])
def test_the_build_refuses_a_generated_path_naming_the_article(tmp_path: Path,
                                                              field: str) -> None:
    content, _ = _content(tmp_path, field)
    output = tmp_path / "output"
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
           "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "COLUMNS": "250"})
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0, log
    assert "laporan-khusus-1.md" in log and field in log


def test_an_address_of_the_articles_own_builds(tmp_path: Path) -> None:
    field = "Save_as: laporan/khusus.html\nUrl: laporan/khusus.html"
    content, path = _content(tmp_path, field)
    problems, _ = run_check([path], content=content)
    assert [p for p in problems if p.severity == "error"] == []
    output = tmp_path / "output"
    build_site(content, output)
    assert "Laporan Khusus 1" in (output / "laporan" / "khusus.html").read_text("utf-8")
    assert (output / "sitemap.xml").is_file()
