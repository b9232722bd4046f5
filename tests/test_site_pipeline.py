"""The whole pipeline on the project's real content: a Pelican build with the search index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

SEED_TITLE = "Armenia dan Azerbaijan Akan Bertemu Terpisah dengan Menlu AS"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _seed_article_page(site: Path) -> Path:
    pages = [p for p in site.glob("2020/10/*/index.html") if SEED_TITLE in p.read_text("utf-8")]
    assert len(pages) == 1, "the seed article should be published once under /2020/10/<slug>/"
    return pages[0]


def test_home_page_lists_the_seed_article(project_site: Path) -> None:
    home = _soup(project_site / "index.html")
    titles = [a.get_text(strip=True) for a in home.select("main a")]
    assert SEED_TITLE in titles


def test_article_page_is_indonesian_and_only_its_body_is_searchable(project_site: Path) -> None:
    page = _soup(_seed_article_page(project_site))
    assert page.html["lang"] == "id"
    bodies = page.select("[data-pagefind-body]")
    assert len(bodies) == 1
    body_text = bodies[0].get_text(" ", strip=True)
    assert "Pompeo" in body_text
    for element in page.select("header, nav, footer"):
        assert element.find_parent(attrs={"data-pagefind-body": True}) is None


def test_each_tag_of_the_seed_has_a_page(project_site: Path) -> None:
    page = _soup(_seed_article_page(project_site))
    tag_links = [a["href"] for a in page.select("a[href*='tag/']")]
    assert len(tag_links) >= 5
    for slug in {re.search(r"tag/([^/]+)/", href).group(1) for href in tag_links}:
        assert (project_site / "tag" / slug / "index.html").is_file(), slug


def test_search_page_and_index_are_written(project_site: Path) -> None:
    assert (project_site / "search" / "index.html").is_file()
    assert (project_site / "pagefind" / "pagefind.js").is_file()
    assert list((project_site / "pagefind").glob("pagefind.id_*.pf_meta")), "no Indonesian index"


def test_build_leaves_raw_seeds_untouched(project_site: Path) -> None:
    shared_seed = ROOT.parent / "shared" / "seeds" / "000_3814e48b976ab4c4.txt"
    if not shared_seed.exists():
        pytest.skip("../shared/seeds is not beside the project")
    assert (ROOT / "seeds" / shared_seed.name).read_bytes() == shared_seed.read_bytes()




@pytest.mark.browser
def test_search_for_pompeo_in_chromium_finds_the_seed_article(project_site, serve, page) -> None:
    base = serve(project_site)
    page.goto(f"{base}/search/?q=Pompeo")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert result.inner_text().strip() == SEED_TITLE


@pytest.mark.browser
def test_a_word_only_in_removed_junk_finds_nothing(project_site, serve, page) -> None:
    base = serve(project_site)
    page.goto(f"{base}/search/")
    titles = page.evaluate(
        """async (q) => {
            const pagefind = await import('/pagefind/pagefind.js');
            const search = await pagefind.search(q);
            return search.results.length;
        }""",
        "Hyundai",
    )
    assert titles == 0
    found = page.evaluate(
        """async () => {
            const pagefind = await import('/pagefind/pagefind.js');
            return (await pagefind.search('Pompeo')).results.length;
        }"""
    )
    assert found == 1, "the same index must find a word of the body"
