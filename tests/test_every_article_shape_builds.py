"""Every article shape docs/editing.md allows passes `check` and builds; a failure names the file.

The articles are generated here (synthetic), one per shape: no tags, hidden, draft, no summary,
no source, no slug, no category, English, a date without time, a finished `tools new` stub with
its optional fields left empty, ...
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.check import run_check

from conftest import FIXTURES, ROOT, build_site, copy_tree

FULL = {
    "Title": "Gencatan Senjata Berlaku di Karabakh",
    "Date": "2020-10-10T12:00:00+07:00",
    "Slug": "{slug}",
    "Lang": "id",
    "Category": "Nagorno-Karabakh",
    "Tags": "Armenia, Azerbaijan, Nagorno-Karabakh",
    "Summary": "Kedua pihak sepakat menghentikan tembakan.",
    "Authors": "Ahmad Fauzi, Dewi Lestari",
    "Editor": "evn",
    "Source": "LancangKuning",
    "Source_url": "https://lancangkuning.com/post/12345",
    "Agencies": "AFP, Reuters",
    "Synthetic": "true",
}
BODY = "Kedua pihak sepakat menghentikan tembakan mulai tengah malam, kata pejabat {slug}.\n"

# slug -> (fields to drop, fields to set); where each one is published (None: not at all).
SHAPES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "lengkap": ((), {}),
    "tanpa-tag": (("Tags",), {}),
    "tersembunyi": ((), {"Status": "hidden"}),
    "draf": ((), {"Status": "draft"}),
    "diterbitkan": ((), {"Status": "published"}),
    "tanpa-ringkasan": (("Summary",), {}),
    "tanpa-sumber": (("Source", "Source_url", "Agencies", "Authors", "Editor"), {}),
    "tanpa-kategori": (("Category",), {}),
    "bahasa-inggris": ((), {"Lang": "en", "Title": "Ceasefire Holds in Karabakh"}),
    "tanggal-saja": ((), {"Date": "2020-10-11"}),
    "diubah": ((), {"Modified": "2020-10-12T08:00:00+07:00"}),
    "penulis-berkoma": ((), {"Authors": "Doe, Jane; Smith, John"}),
    "alamat-bukan-web": ((), {"Source_url": "arsip cetak, halaman 3"}),
    "templat-artikel": ((), {"Template": "article", "Author": "Redaksi Arsip"}),
    # the source spelled otherwise: the checker warns, the site gives it the source's page
    "sumber-huruf-kecil": ((), {"Source": "lancangkuning"}),
    "hanya-wajib": (tuple(k for k in FULL if k not in {"Title", "Date", "Slug", "Synthetic"}),
                    {}),
    # a `tools new` stub, finished: tags and text filled in, the other fields left empty
    "draf-selesai": ((), {"Category": "", "Source": "", "Source_url": "", "Authors": "",
                          "Status": "published"}),
}
NO_SLUG_TITLE = "Artikel Tanpa Slug di Header"


def _write(folder: Path, slug: str, drop: tuple[str, ...], changes: dict[str, str]) -> None:
    fields = {**FULL, **changes}
    header = "".join(f"{key}: {value.format(slug=slug)}".rstrip() + "\n"
                     for key, value in fields.items() if key not in drop)
    title = f"{fields['Title']} ({slug})"
    header = header.replace(f"Title: {fields['Title']}", f"Title: {title}", 1)
    (folder / f"{slug}.md").write_text(f"{header}\n{BODY.format(slug=slug)}", encoding="utf-8")


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("shapes") / "content"
    folder = content / "articles" / "2020"
    folder.mkdir(parents=True)
    (content / "pages").mkdir()
    for slug, (drop, changes) in SHAPES.items():
        _write(folder, slug, drop, changes)
    (folder / "artikel-tanpa-slug-di-header.md").write_text(
        f"Title: {NO_SLUG_TITLE}\nDate: 2020-10-13\nSynthetic: true\n\n"
        "Teks artikel tanpa baris slug.\n", encoding="utf-8")
    return content


def test_every_allowed_shape_passes_check(shapes: Path) -> None:
    problems, count = run_check([shapes], content=shapes)
    assert count == len(SHAPES) + 1
    assert [p.format() for p in problems if p.severity == "error"] == []


def test_every_allowed_shape_builds_and_is_published_where_it_should(shapes: Path) -> None:
    output = shapes.parent / "output"
    build_site(shapes, output)
    for slug in SHAPES:
        where = "drafts" if slug == "draf" else "2020/10"
        page = output / where / slug / "index.html"
        assert page.is_file(), f"{slug}: no page at {page.relative_to(output)}"
        assert f"pejabat {slug}." in page.read_text(encoding="utf-8")
    assert (output / "2020" / "10" / "artikel-tanpa-slug-di-header" / "index.html").is_file()
    listing = (output / "index.html").read_text(encoding="utf-8")
    assert "(lengkap)" in listing and "(tanpa-tag)" in listing
    assert "(tersembunyi)" not in listing and "(draf)" not in listing  # hidden: page, no listing
    source = (output / "source" / "lancangkuning" / "index.html").read_text(encoding="utf-8")
    assert "(lengkap)" in source and "(sumber-huruf-kecil)" in source, "one page, both spellings"


def test_links_between_articles_and_to_a_page_build_to_their_addresses(tmp_path: Path) -> None:
    """The archive `check` calls good links an article to another and to a page with
    `{filename}`; the build failed on the page link ("Unable to find '/pages/tentang.md'"):
    the plugin resolved article bodies before Pelican had read the pages."""
    content = copy_tree(FIXTURES / "check" / "good", tmp_path / "content")
    problems, _ = run_check([content], content=content)
    assert [p.format() for p in problems if p.severity == "error"] == []
    build_site(content, tmp_path / "output")
    page = tmp_path / "output" / "2020" / "10" / "armenia-dan-azerbaijan-bertemu" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../../../tentang/"' in html
    assert 'href="../../../2020/10/gencatan-senjata-di-karabakh/"' in html


def test_open_graph_gives_the_locale_of_the_article_language(tmp_path: Path) -> None:
    """og:locale was id_ID for every language but English (a Russian report said Indonesian)."""
    folder = tmp_path / "content" / "articles" / "2020"
    folder.mkdir(parents=True)
    locales = {"id": "id_ID", "en": "en_US", "ru": "ru_RU", "hy": "hy_AM", "ka": "ka_GE"}
    for lang in locales:
        _write(folder, f"bahasa-{lang}", (), {"Lang": lang})
    build_site(tmp_path / "content", tmp_path / "output", extra={"PAGEFIND_ENABLED": "false"})
    for lang, locale in locales.items():
        page = tmp_path / "output" / "2020" / "10" / f"bahasa-{lang}" / "index.html"
        assert f'<meta property="og:locale" content="{locale}">' in page.read_text("utf-8"), lang


def _build_with_broken_template(content: Path, work: Path, template: str, field: str) -> str:
    """Build `content` with a copy of the theme whose `template` reads a field that does not
    exist; return the failed build's log on one line (it must have failed)."""
    theme = work / "theme"
    shutil.copytree(ROOT / "theme", theme)
    path = theme / "templates" / template
    path.write_text(path.read_text("utf-8").replace(
        "{% block content %}", "{% block content %}{{ " + field + " }}", 1), "utf-8")
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(work / "out"),
           "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings", "-t", str(theme)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "COLUMNS": "250"})
    assert result.returncode != 0
    return " ".join((result.stdout + result.stderr).split())


def test_a_page_that_cannot_be_written_names_the_article(tmp_path: Path, shapes: Path) -> None:
    log = _build_with_broken_template(shapes, tmp_path, "article.html", "article.no_such_field")
    assert "articles/2020/" in log and ".md: its page could not be written" in log
    assert "no_such_field" in log


def test_a_page_whose_template_fails_names_the_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "tentang.md").write_text("Title: Tentang\nSlug: tentang\n\nTeks.\n",
                                                  encoding="utf-8")
    log = _build_with_broken_template(content, tmp_path, "page.html", "page.no_such_field")
    assert "pages/tentang.md: its page could not be written" in log


def test_a_template_syntax_error_names_the_template_and_its_line(tmp_path: Path,
                                                                 shapes: Path) -> None:
    """A broken partial is compiled when the first article page includes it."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    partial = theme / "templates" / "partial" / "related.html"
    partial.write_text(partial.read_text("utf-8") + "{% endiff %}\n", "utf-8")
    cmd = [sys.executable, "-m", "pelican", str(shapes), "-o", str(tmp_path / "out"),
           "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings", "-t", str(theme)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "COLUMNS": "250"})
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert re.search(r"related\.html:\d+: template error \(TemplateSyntaxError", log), log[-1500:]
