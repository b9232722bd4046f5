"""The search page's research tools in a real Chromium against a real Pagefind index of the
research fixture site: the matching articles counted per month (attention over time) and their
metadata downloaded as CSV. Assertions compare the tools with the results the page lists, and
name only this file's own fixture articles (other research fixtures may match too)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

QUERY = "?lang=en&q=verified"  # both English figure articles say "could not be ... verified"
TOLL = "Karabakh Death Toll Rises, Ministries Say"
EXODUS = "More Than 100,000 Leave Karabakh, Officials Say"


@pytest.fixture(scope="module")
def base(research_site: Path, serve) -> str:
    return serve(research_site)


def search(page: Page, base: str, query: str) -> None:
    page.goto(f"{base}/search/{query}")
    expect(page.locator("#search-summary")).not_to_have_text(re.compile(r"^$|Mencari|Searching"),
                                                             timeout=15000)
    while page.locator("#search-more").is_visible():
        page.locator("#search-more").click()
        page.wait_for_timeout(200)


def listed(page: Page) -> dict[str, str]:
    """Title -> YYYY-MM of every result on the page."""
    items = page.locator(".search-result")
    return {item.locator(".search-result__link").inner_text().strip():
            item.locator("time").get_attribute("datetime")[:7] for item in items.all()}


def chart(page: Page) -> dict[str, int]:
    """Month -> count of the attention chart, once it is drawn."""
    cells = page.locator("#search-chart td[data-month]")
    expect(cells.first).to_be_attached(timeout=15000)
    return {cell.get_attribute("data-month"): int(cell.get_attribute("data-count"))
            for cell in cells.all()}


def test_attention_over_time_counts_the_matching_articles_per_month(page: Page, base: str) -> None:
    search(page, base, QUERY)
    results = listed(page)
    assert {TOLL: "2020-10", EXODUS: "2023-09"}.items() <= results.items()
    page.locator("#search-attention summary").click()
    counts = chart(page)
    assert {month: n for month, n in counts.items() if n} == dict(Counter(results.values()))
    assert list(counts) == sorted(counts)  # every month from the first to the last, in order
    assert counts["2021-06"] == 0 and len(counts) >= 36
    expect(page.locator("#search-chart td[data-month='2020-10'] .bar")).to_be_visible()


def test_the_chart_follows_a_new_query(page: Page, base: str) -> None:
    search(page, base, QUERY)
    page.locator("#search-attention summary").click()
    before = chart(page)
    page.fill("#search-q", "Geneva")  # only in the toll article of the two
    page.press("#search-q", "Enter")
    expect(page.locator("#search-summary")).to_contain_text("Geneva", timeout=15000)
    results = listed(page)
    assert TOLL in results and EXODUS not in results
    expect(page.locator("#search-chart td[data-month]")).not_to_have_count(len(before))
    after = chart(page)
    assert {month: n for month, n in after.items() if n} == dict(Counter(results.values()))


def test_the_matching_articles_download_as_csv(page: Page, base: str) -> None:
    search(page, base, QUERY)
    results = listed(page)
    with page.expect_download(timeout=15000) as event:
        page.locator("#search-csv").click()
    download = event.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert {row["title"] for row in rows} == set(results)
    toll = next(row for row in rows if row["title"] == TOLL)
    assert toll["date"] == "2020-10-05" and toll["source"] == "Reuters"
    assert toll["language"] == "en" and toll["category"] == "Nagorno-Karabakh"
    assert toll["url"] == f"{base}/2020/10/karabakh-toll-ministries-say/"
    assert "Azerbaijan" in toll["place"].split("; ")
    expect(page.locator("#search-csv-status")).to_contain_text(str(len(rows)))


def test_the_tools_stay_hidden_without_results(page: Page, base: str) -> None:
    search(page, base, "?lang=en&q=zzzxqv")
    expect(page.locator("#search-research")).to_be_hidden()
