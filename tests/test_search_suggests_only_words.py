"""The "other forms of this word" suggestions offer only words, on the browsing fixture site in
a real Chromium: never a fragment that an affix stripped off leaves ("pertem" → "tem"), which
Pagefind "finds" only as the start of other words ("tempat", "temu")."""

from __future__ import annotations

from pathlib import Path

import pytest
from browse_site import browse_site
from playwright.sync_api import Page, expect

from conftest import search_titles

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    site: Path = browse_site(tmp_path_factory)
    return serve(site)


def test_the_start_of_an_affixed_word_is_not_offered_a_fragment(page: Page, base: str) -> None:
    """No indexed text of this site has a word starting "pertem" ("Pertempuran" is only in a
    summary, which is not indexed), so there is nothing to offer: not "tem"."""
    assert search_titles(page, f"{base}/search/?q=pertem") == []
    expect(page.locator("#search-help")).to_contain_text("Periksa ejaan")
    assert page.locator("#search-suggest a").all_inner_texts() == []
