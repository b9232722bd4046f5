"""The search page's layout at desktop and phone widths, in a real Chromium: the closed filter
pane takes no column, a long facet hides nothing behind a scroll edge, and on a phone the open
filters cover the results as a sheet instead of pushing them below the checkboxes.

Built on a generated synthetic archive (tmp_path): twelve articles tagged with twenty places.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tools.vocabulary import load_vocabulary

from conftest import build_site

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = os.environ.get("SEARCH_LAYOUT_SCREENSHOTS")  # a folder to keep them, if set


def _places(count: int) -> list[str]:
    return [e.name for e in load_vocabulary().entities if e.kind == "place"][:count]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    root = tmp_path_factory.mktemp("search-layout")
    folder = root / "content" / "articles" / "2021"
    folder.mkdir(parents=True)
    places = _places(20)
    for number in range(12):
        tags = ", ".join(sorted({places[number], places[(number + 5) % 20],
                                 places[(number + 8) % 20], places[(number * 3 + 1) % 20]}))
        (folder / f"sintetis-{number:02d}.md").write_text(
            f"Title: Laporan Sintetis Nomor {number}\n"
            f"Date: 2021-03-{number + 1:02d}T10:00:00+07:00\n"
            f"Slug: sintetis-{number:02d}\nLang: id\nCategory: Nagorno-Karabakh\nTags: {tags}\n"
            f"Summary: Laporan sintetis {number}.\nSource: KabarTimur\nSynthetic: true\n\n"
            f"Perundingan damai dibahas lagi dalam laporan sintetis nomor {number}.\n",
            encoding="utf-8")
    build_site(root / "content", root / "output", extra={"SEARCH_PAGE_SIZE": "5"})
    return serve(root / "output")


def _open(page: Page, base: str) -> None:
    page.goto(f"{base}/search/?q=perundingan")
    expect(page.locator("#search-summary")).to_have_text(re.compile("hasil"), timeout=15000)


def _shot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=False)


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box, selector
    return box


def test_closed_filters_leave_the_results_the_whole_width(browser: Browser, base: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    _open(page, base)
    _shot(page, "desktop-closed")
    main, results = _box(page, "main"), _box(page, "#search-results")
    assert results["width"] >= 0.85 * main["width"], (results, main)
    page.locator("#search-filters-box summary").click()
    expect(page.locator('fieldset[data-filter="place"]')).to_be_visible(timeout=15000)
    _shot(page, "desktop-open")
    filters, results = _box(page, "#search-filters-box"), _box(page, "#search-results")
    assert filters["width"] <= 0.3 * main["width"] and results["x"] > filters["x"]
    page.close()


def test_a_long_facet_shows_every_value_without_a_clipping_scroll_box(
        browser: Browser, base: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    _open(page, base)
    page.locator("#search-filters-box summary").click()
    places = page.locator('fieldset[data-filter="place"]')
    expect(places).to_be_visible(timeout=15000)
    options = places.locator(".search-facet__option")
    total = options.count()
    assert total > 8
    expect(places.locator(".search-facet__option:visible")).to_have_count(8)
    places.get_by_role("button", name=f"Tampilkan semua ({total})").click()
    expect(places.locator(".search-facet__option:visible")).to_have_count(total)
    clipped = places.evaluate("f => f.scrollHeight > f.clientHeight + 1")
    assert not clipped, "values hidden below the facet's edge"
    page.close()


def test_on_a_phone_open_filters_cover_the_results_instead_of_pushing_them_down(
        browser: Browser, base: str) -> None:
    page = browser.new_page(viewport=PHONE)
    _open(page, base)
    _shot(page, "phone-closed")
    before = _box(page, ".search-result")["y"]
    assert before < PHONE["height"], "the first result is on the first screen"
    page.locator("#search-filters-box summary").click()
    expect(page.locator('fieldset[data-filter="place"]')).to_be_visible(timeout=15000)
    _shot(page, "phone-open")
    assert abs(_box(page, ".search-result")["y"] - before) < 2
    sheet = _box(page, ".search-filters__sheet")
    assert sheet["y"] > 0.3 * PHONE["height"] and sheet["height"] <= 0.7 * PHONE["height"]
    page.get_by_role("button", name="Lihat hasil").click()
    expect(page.locator(".search-filters__sheet")).to_be_hidden()
    page.close()
