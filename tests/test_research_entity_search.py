"""Searching an entity's names and filtering by outlet country, in a real Chromium on the real
Pagefind index of the research fixture site (tests/fixtures/research/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_search_page import facet_counts, search, titles

pytestmark = pytest.mark.browser

SHELLING = "Shelling Reported in Stepanakert as Fighting Continues"  # en, Armenpress (Armenia)
SHELTER = "Warga Stepanakert Berlindung di Ruang Bawah Tanah"  # id, Kompas (Indonesia)
VISIT = "Azerbaijani Officials Visit Khankendi After Ceasefire"  # en, APA (Azerbaijan)


@pytest.fixture(scope="module")
def base(research_site: Path, serve) -> str:
    return serve(research_site)


def test_a_name_in_another_script_finds_the_entitys_articles(page: Page, base: str,
                                                             research_site: Path) -> None:
    body = (research_site / "2020/10/entity-stepanakert-warga-berlindung/index.html").read_text(
        "utf-8")
    assert "Ստեփանակերտ" not in body.split("pagefind-data")[0], "not in the article's text"
    assert SHELTER in search(page, base, "?q=Ստեփանակերտ")
    found = search(page, base, "?q=Xankəndi&lang=en")
    assert SHELLING in found and VISIT in found


def test_the_outlet_country_facet_filters_the_results(page: Page, base: str) -> None:
    found = search(page, base, "?q=Stepanakert&lang=en")
    assert SHELLING in found and VISIT in found
    counts = facet_counts(page, "country")
    assert counts["Armenia"] >= 1 and counts["Azerbaijan"] >= 1
    expect(page.locator('fieldset[data-filter="country"] legend')).to_have_text("Negara media")
    page.locator('fieldset[data-filter="country"] input[value="Armenia"]').check()
    expect(page.locator(".search-result__link", has_text=VISIT)).to_have_count(0)
    assert SHELLING in titles(page)
    assert "country=Armenia" in page.url


def test_the_outlet_kind_facet_is_in_the_url(page: Page, base: str) -> None:
    found = search(page, base, "?q=Stepanakert&lang=en&outlet_kind=state")
    assert SHELLING in found and VISIT not in found  # Armenpress is state-owned, APA is not
