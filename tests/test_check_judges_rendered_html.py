"""The checker judges what an article renders to: escaped script-looking text is text.

The importer escapes raw text so that `[x](javascript:...)` or `href="javascript:..."` in a
scraped page renders literally; `check` must accept what the importer writes (and `make html`
must then build it), while a real script link written by hand is still an error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from tools.check import run_check
from tools.cli import cli

from conftest import FIXTURES, build_site

RAW = FIXTURES / "import" / "script_link_lookalikes.txt"
HEADER = ("Title: Uji tautan\nDate: 2020-10-22T00:00:00+07:00\nSlug: uji-tautan\nLang: id\n"
          "Tags: Armenia\nSynthetic: true\n\n")


def _article(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "content" / "articles" / "2020"
    folder.mkdir(parents=True)
    path = folder / "uji-tautan.md"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _errors(path: Path, content: Path) -> list[str]:
    problems, _ = run_check([path], content=content)
    return [p.message for p in problems if p.severity == "error"]


def test_imported_script_lookalikes_pass_check_and_build_as_text(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(RAW, seeds / RAW.name)
    result = CliRunner().invoke(cli, ["import", str(seeds / RAW.name),
                                      "--out", str(content / "articles")])
    assert result.exit_code == 0, result.output
    (article,) = (content / "articles").glob("*/*.md")
    assert _errors(article, content) == []
    build_site(content, tmp_path / "output")
    (page,) = (tmp_path / "output").glob("2015/11/*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    assert not [a for a in soup.find_all("a") if "javascript" in (a.get("href") or "").lower()]
    assert not [tag for tag in body.find_all(True) if "onclick" in tag.attrs]
    text = body.get_text(" ")
    assert "[klik di sini](javascript:alert(1))" in text  # shown as the text it was
    assert '<a href="javascript:alert(document.cookie)">' in text


def test_script_link_inside_code_is_text(tmp_path: Path) -> None:
    path = _article(tmp_path, 'Contoh kode: `<a href="javascript:x()">` dan `<script>`.\n')
    assert _errors(path, tmp_path / "content") == []


def test_escaped_markdown_link_is_text(tmp_path: Path) -> None:
    path = _article(tmp_path, "Teks \\[klik\\](javascript:alert(1)) apa adanya.\n")
    assert _errors(path, tmp_path / "content") == []


def test_script_link_with_a_tab_in_its_scheme_is_an_error(tmp_path: Path) -> None:
    path = _article(tmp_path, "Paragraf.\n\n<a href=\"java&#9;script:alert(1)\">klik</a>\n")
    errors = _errors(path, tmp_path / "content")
    assert any("javascript: link" in message for message in errors), errors
