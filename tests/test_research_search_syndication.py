"""Search on the research fixture site can keep originals or syndicated copies (a facet), in a
real Chromium. Only the fixture trilateral-statement copies use the word searched for."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import search_titles

pytestmark = pytest.mark.browser

WORD = "menyakitkan"  # in the Antara, Kompas, LancangKuning and Republika copies
REPUBLIKA = "Armenia dan Azerbaijan Sepakat Hentikan Perang"
KOMPAS = "Pernyataan Trilateral Hentikan Perang di Nagorno-Karabakh"


@pytest.fixture(scope="module")
def base(research_site: Path, serve) -> str:
    return serve(research_site)


def results(page: Page, base: str, query: str) -> list[str]:
    return search_titles(page, f"{base}/search/{query}")


def test_search_keeps_only_originals_or_only_copies(page: Page, base: str) -> None:
    everything = results(page, base, f"?q={WORD}")
    assert {REPUBLIKA, KOMPAS} <= set(everything)
    originals = results(page, base, f"?q={WORD}&syndication=original")
    assert REPUBLIKA in originals and KOMPAS not in originals
    copies = results(page, base, f"?q={WORD}&syndication=syndicated")
    assert KOMPAS in copies and REPUBLIKA not in copies


def test_the_facet_names_its_values_in_the_page_language(page: Page, base: str) -> None:
    results(page, base, f"?q={WORD}")
    page.locator("#search-filters-box summary").click()
    facet = page.locator('fieldset[data-filter="syndication"]')
    expect(facet).to_be_visible(timeout=15000)
    assert facet.locator("legend").inner_text() == "Asli atau salinan"
    values = facet.locator(".search-facet__value").all_inner_texts()
    assert set(values) == {"Asli", "Salinan"}


def test_the_kind_of_outlet_facet_names_its_values_in_the_page_language(page: Page,
                                                                         base: str) -> None:
    results(page, base, f"?q={WORD}")
    page.locator("#search-filters-box summary").click()
    facet = page.locator('fieldset[data-filter="outlet_kind"]')
    expect(facet).to_be_visible(timeout=15000)
    values = set(facet.locator(".search-facet__value").all_inner_texts())
    # Antara is state-owned, Kompas and Republika private (tools/data/outlets.yaml)
    assert {"milik negara", "swasta"} <= values
    assert not values & {"wire", "state", "public", "private", "aggregator"}
