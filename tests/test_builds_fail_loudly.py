"""A build that cannot be right fails, and says which file is to blame."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

GOOD = FIXTURES / "security" / "content" / "articles" / "2021" / "plain.md"


def _pelican(content: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
           "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings", *extra]
    env = {**os.environ, "COLUMNS": "250"}  # Rich wraps tracebacks at 80 columns otherwise
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)


def _content_with(tmp_path: Path, name: str, text: str) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(GOOD, content / "articles" / GOOD.name)
    (content / "articles" / name).write_text(text, encoding="utf-8")
    return content


def _log(result: subprocess.CompletedProcess[str]) -> str:
    return " ".join((result.stdout + result.stderr).split())


def test_an_article_pelican_cannot_read_fails_the_build_naming_it(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "rusak.md", "Title: Rusak\nDate: bukan tanggal\n\nIsi.\n")
    result = _pelican(content, tmp_path / "out")
    assert result.returncode != 0
    assert "rusak.md" in _log(result)


def test_a_link_to_a_missing_file_fails_the_build_naming_it(tmp_path: Path) -> None:
    text = GOOD.read_text("utf-8").replace("Slug: gencatan-senjata-bertahan", "Slug: foto")
    text += "\n![Peta]({static}/images/peta-hilang.png)\n"
    content = _content_with(tmp_path, "foto.md", text)
    result = _pelican(content, tmp_path / "out")
    assert result.returncode != 0
    assert "peta-hilang.png" in _log(result)


def test_an_unknown_template_variable_fails_the_build_naming_the_template(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(
        article.read_text("utf-8").replace("{% block content %}",
                                           "{% block content %}{{ no_such_variable }}", 1),
        encoding="utf-8",
    )
    content = _content_with(tmp_path, "lain.md", GOOD.read_text("utf-8").replace(
        "Slug: gencatan-senjata-bertahan", "Slug: lain"))
    result = _pelican(content, tmp_path / "out", "-t", str(theme))
    assert result.returncode != 0
    log = _log(result)
    assert "no_such_variable" in log
    assert "article.html" in log


def test_a_search_index_that_cannot_be_written_fails_the_build_instead_of_hanging(
    tmp_path: Path,
) -> None:
    content = _content_with(tmp_path, "lain.md", GOOD.read_text("utf-8").replace(
        "Slug: gencatan-senjata-bertahan", "Slug: lain"))
    output = tmp_path / "out"
    output.mkdir()
    (output / "pagefind").write_text("a file where the bundle folder should be", "utf-8")
    result = _pelican(content, output)  # times out (and fails) if the build hangs
    assert result.returncode != 0
    assert "Pagefind" in _log(result)
