"""The browsing fixture site: tests/fixtures/site plus the project's pages, built once a session.

Ten synthetic articles (two languages, three sources, four months over two years, a draft)
with DEFAULT_PAGINATION=2, so every listing has several pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, build_site

SITE_FIXTURE = FIXTURES / "site"
PER_PAGE = 2
SEED_SLUG = "armenia-dan-azerbaijan-bertemu-menlu-as"
SEED_PAGE = f"2020/10/{SEED_SLUG}/index.html"
ENGLISH_PAGE = "2020/10/pompeo-hosts-talks-in-washington/index.html"
_built: dict[str, Path] = {}


def make_site_source(folder: Path) -> Path:
    """Copy the fixture content and seeds, plus content/pages, into `folder`; return content/."""
    shutil.copytree(SITE_FIXTURE, folder, dirs_exist_ok=True)
    shutil.copytree(ROOT / "content" / "pages", folder / "content" / "pages", dirs_exist_ok=True)
    return folder / "content"


def browse_site(factory: pytest.TempPathFactory, pagefind: bool = True) -> Path:
    """Build the fixture site once per session (per Pagefind switch) and return output/."""
    key = f"pagefind={pagefind}"
    if key not in _built:
        root = factory.mktemp("browse-site")
        content = make_site_source(root)
        output = root / "output"
        extra = {"DEFAULT_PAGINATION": str(PER_PAGE)}
        if not pagefind:
            extra["PAGEFIND_ENABLED"] = "false"
        build_site(content, output, extra=extra)
        _built[key] = output
    return _built[key]


def published_headers() -> list[dict[str, str]]:
    """Header fields of every published fixture article (drafts left out), by file name."""
    headers = []
    for path in sorted((SITE_FIXTURE / "content" / "articles").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        fields = dict(line.split(": ", 1) for line in head.splitlines())
        if fields.get("Status") != "draft":
            headers.append(fields)
    return headers


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the site except Pagefind's own files."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)
