"""`Status: draft` articles are built for preview (drafts/<slug>/) and never published: not in
feeds, sitemap, listings or search, and `make publish` (publishconf.py) writes no page for them."""

from __future__ import annotations

import json
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from conftest import ROOT, build_site

FIXTURES = Path(__file__).parent / "fixtures" / "new"
DRAFT_WORD = "zefirdraf"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("drafts") / "content"
    (root / "articles" / "2020").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "pages", root / "pages")
    for name in ("gencatan-senjata-kemanusiaan-berlaku", "naskah-belum-selesai"):
        shutil.copy(FIXTURES / f"{name}.md", root / "articles" / "2020" / f"{name}.md")
    (root / "articles" / "2020" / "draf-tanpa-kategori.md").write_text(
        "Title: Draf tanpa kategori\nDate: 2020-10-12\nTags: Armenia, Zefirtopik\n"
        "Status: draft\nSynthetic: true\n\n"
        "Teks draf.\n", encoding="utf-8")
    return root


def files_mentioning(output: Path, word: str) -> list[str]:
    return sorted(str(p.relative_to(output)) for p in output.rglob("*")
                  if p.is_file() and p.suffix in {".html", ".xml", ".json", ".txt"}
                  and word in p.read_text(encoding="utf-8", errors="replace"))


def broken_links(output: Path, page: Path) -> list[str]:
    """The links of a page that lead to no file of the built site."""
    base = "http://site/" + str(page.relative_to(output))
    broken = []
    for href in re.findall(r'href="([^"#?]*)[^"]*"', page.read_text(encoding="utf-8")):
        url = urllib.parse.urljoin(base, href)
        if not href or not url.startswith("http://site/"):
            continue
        path = output / urllib.parse.unquote(url.removeprefix("http://site/"))
        if not (path / "index.html" if url.endswith("/") else path).is_file():
            broken.append(href)
    return broken


def test_a_draft_is_previewed_but_kept_out_of_feeds_listings_and_search(
        content: Path, tmp_path: Path) -> None:
    output = tmp_path / "preview"
    build_site(content, output)
    assert DRAFT_WORD in (output / "drafts" / "naskah-belum-selesai" / "index.html").read_text()
    assert files_mentioning(output, DRAFT_WORD) == ["drafts/naskah-belum-selesai/index.html"]
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 1
    # a category no published article is in has no page: the draft does not link to one
    folder = output / "drafts" / "draf-tanpa-kategori"
    hrefs = re.findall(r'href="([^"]*category/[^"]*)"', (folder / "index.html").read_text())
    assert hrefs == [], hrefs
    # nor to the page of a tag only drafts have
    for draft in ("draf-tanpa-kategori", "naskah-belum-selesai"):
        broken = broken_links(output, output / "drafts" / draft / "index.html")
        assert broken == [], (draft, broken)


def test_publish_writes_no_page_for_a_draft(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "publish"
    build_site(content, output, settings=ROOT / "publishconf.py",
               env={"SITEURL": "https://arsip.example.net"})
    assert (output / "2020" / "10" / "gencatan-senjata-kemanusiaan-berlaku" / "index.html").exists()
    assert not (output / "drafts").exists()
    assert files_mentioning(output, DRAFT_WORD) == []
    assert files_mentioning(output, "naskah-belum-selesai") == []
