"""A large archive's index is split into bundles; the search page merges them in Chromium.

The fixture archive (2021: 1 page, 2020: 4 pages in September and October, 2019: 1 page) is built
twice: with PAGEFIND_SHARD_PAGES=4, giving three year bundles (2021, 2020, 2019), and with 3, where
2020 is too big for one bundle and is split by month (2021 | 2020-10 | 2020-09 and 2019), so two
bundles share the year 2020. Every behaviour below crosses bundle boundaries, with 2 results a page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from test_search_page import ATTACK, DENIAL, MEETING, PROTEST, TRUCE, facet_counts, search

from conftest import FIXTURES, build_site

pytestmark = pytest.mark.browser


SHARDS = {
    "4": ["2019-2019", "2020-2020"],  # whole years
    "3": ["2019-2020-09", "2020-10-2020-10"],  # 2020 split by month
}


@pytest.fixture(scope="module", params=sorted(SHARDS), ids=lambda n: f"{n}-pages-a-bundle")
def base(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    output = tmp_path_factory.mktemp("search-shards")
    extra = {"PAGEFIND_SHARD_PAGES": request.param, "SEARCH_PAGE_SIZE": "2"}
    build_site(FIXTURES / "search" / "content", output, extra=extra)
    shards = sorted(p.name for p in (output / "pagefind" / "shards").iterdir())
    assert shards == SHARDS[request.param]
    return serve(output)


def test_results_from_different_years_are_merged(page: Page, base: str) -> None:
    assert search(page, base, "?q=tahanan") == [MEETING, TRUCE]
    assert facet_counts(page, "year") == {"2021": 1, "2020": 1}


def test_date_order_holds_across_year_bundles(page: Page, base: str) -> None:
    assert search(page, base, "?source=KabarTimur") == [TRUCE, ATTACK]
    expect(page.locator("#search-summary")).to_have_text("3 artikel")
    page.get_by_role("button", name="Tampilkan lebih banyak").click()
    expect(page.locator(".search-result__link")).to_have_text([TRUCE, ATTACK, PROTEST])
    expect(page.locator("#search-more")).to_be_hidden()
    assert facet_counts(page, "year") == {"2020": 2, "2019": 1}
    page.select_option("#search-sort", "oldest")
    expect(page.locator(".search-result__link")).to_have_text([PROTEST, ATTACK])


def test_a_filter_narrows_merged_results(page: Page, base: str) -> None:
    assert search(page, base, "?agency=AFP") == [ATTACK, PROTEST]
    page.locator('fieldset[data-filter="year"] input[value="2019"]').check()
    expect(page.locator(".search-result__link")).to_have_text([PROTEST])
    assert facet_counts(page, "agency") == {"AFP": 1}


def test_older_bundles_are_searched_only_when_the_reader_asks_for_more(page: Page,
                                                                      base: str) -> None:
    """Newest first, the first page (2 results) comes from the 2021 and 2020(-10) bundles alone:
    the 2019 bundle is not downloaded, and the count says it is a lower bound until it is."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    assert search(page, base, "?q=dan") == [MEETING, DENIAL]
    summary = page.locator("#search-summary")
    expect(summary).to_contain_text("3+ hasil untuk “dan”")
    assert not [url for url in requested if "/pagefind/shards/2019-" in url]
    page.get_by_role("button", name="Tampilkan lebih banyak").click()
    expect(page.locator(".search-result__link")).to_have_text([MEETING, DENIAL, TRUCE, PROTEST])
    expect(summary).to_have_text("4 hasil untuk “dan”")
    expect(page.locator("#search-more")).to_be_hidden()
    assert [url for url in requested if "/pagefind/shards/2019-" in url]


def test_other_orders_search_every_bundle_and_count_exactly(page: Page, base: str) -> None:
    assert search(page, base, "?q=dan&sort=oldest") == [PROTEST, TRUCE]
    expect(page.locator("#search-summary")).to_have_text("4 hasil untuk “dan”")
    page.select_option("#search-sort", "newest")  # every bundle is in by now: the count stays exact
    expect(page.locator(".search-result__link")).to_have_text([MEETING, DENIAL])
    expect(page.locator("#search-summary")).to_have_text("4 hasil untuk “dan”")


def test_a_language_missing_from_a_bundle_finds_only_its_own_articles(page: Page,
                                                                     base: str) -> None:
    """English exists only in the 2020 bundle; the 2021 (primary) and 2019 bundles have no
    English index, and Pagefind would otherwise answer from their Indonesian one."""
    assert search(page, base, "?lang=en&category=Nagorno-Karabakh") == [
        "Ceasefire Talks End in Moscow"]
    assert search(page, base, "?lang=en&q=nagorno") == ["Ceasefire Talks End in Moscow"]


def test_relevance_ranks_within_the_newest_bundles_and_fetches_older_ones_on_request(
        page: Page, base: str) -> None:
    """Sorting by relevance no longer merges every bundle: the first page comes from the newest
    bundles that fill it, and the older ones are fetched only when the reader asks for more."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    first = search(page, base, "?q=dan&sort=relevance")
    assert len(first) == 2 and PROTEST not in first
    expect(page.locator("#search-summary")).to_contain_text("3+ hasil untuk “dan”")
    assert not [url for url in requested if "/pagefind/shards/2019-" in url]
    page.locator("#search-more").click()
    expect(page.locator(".search-result__link")).to_have_count(4)
    expect(page.locator("#search-summary")).to_have_text("4 hasil untuk “dan”")
    assert [url for url in requested if "/pagefind/shards/2019-" in url]
    assert sorted(page.locator(".search-result__link").all_inner_texts()) == sorted(
        [MEETING, DENIAL, TRUCE, PROTEST])
