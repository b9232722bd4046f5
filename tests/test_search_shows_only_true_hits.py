"""A search result is always a true hit that shows why it matched, and the "Cara mencari" page's
own examples do what it says: both in a real Chromium on the real project build.

Pagefind 1.5 answers a query word that starts no indexed word with the indexed words that start
it ("dixyz" finds every article with "di"); the page must not show those.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT, search_titles

pytestmark = pytest.mark.browser

HOW_TO = ROOT / "content" / "pages" / "how-to-search.md"
SEED = "Armenia dan Azerbaijan Akan Bertemu Terpisah dengan Menlu AS"


@pytest.fixture(scope="module")
def base(project_site: Path, serve) -> str:
    return serve(project_site)


def search(page: Page, base: str, query: str) -> list[str]:
    return search_titles(page, f"{base}/search/?q={query}")


def marked_words(page: Page) -> list[str]:
    return [m.strip().casefold() for m in page.locator(".search-result mark").all_inner_texts()]


@pytest.mark.parametrize("junk", ["dizzqxwv", "dixyz", "Menristek", "rusiax", "dichech", "ditan"])
def test_a_word_in_no_article_finds_nothing_and_says_what_to_try(
        page: Page, base: str, junk: str) -> None:
    """`Menristek` is only in the seed's "Baca Juga" junk, which the importer removed."""
    assert search(page, base, junk) == [], f"{junk} is in no article"
    expect(page.locator("#search-summary")).to_have_text(f"Tidak ada hasil untuk “{junk}”")
    expect(page.locator("#search-help")).to_contain_text("Periksa ejaan")


def test_every_suggested_word_finds_articles_that_show_it(page: Page, base: str) -> None:
    offered = set()
    for query in ("pertemu", "Chechnya", "evakuasi", "pengakuannya", "ditanah"):
        search(page, base, query)
        offered |= set(page.locator("#search-suggest a").all_inner_texts())
    assert "pertemuan" in offered, offered  # the start of the word, completed from the text
    for word in offered:
        assert search(page, base, word), f"suggested {word!r} finds nothing"
        marks = marked_words(page)
        assert any(word.casefold() in mark for mark in marks), (word, marks)


@pytest.mark.parametrize("query", ["Nagorno-Karabakh", '"Nagorno-Karabakh"', "apa-apa",
                                   "nagorno karabakh"])
def test_a_hyphenated_word_finds_the_article_that_shows_it(
        page: Page, base: str, query: str) -> None:
    assert search(page, base, query) == [SEED]


def test_a_result_found_by_another_name_of_a_tag_says_which(page: Page, base: str) -> None:
    assert search(page, base, "Artsakh") == [SEED]
    expect(page.locator(".search-result__why")).to_contain_text("Artsakh")


def _examples() -> list[tuple[str, str, str]]:
    """(query, what the page promises, the promised word) for each `query` in the tips."""
    tips = HOW_TO.read_text(encoding="utf-8").split("## Kiat", 1)[1].split("\n## ", 1)[0]
    tips = " ".join(tips.split())
    found = []
    for match in re.finditer(r"`([^`]+)`((?: juga)? menemukan| menyarankan)?"
                             r"(?: \*([^*]+)\*| artikel bertag ([\w-]+))?", tips):
        query, verb, word, tag = match.groups()
        promise = "suggests" if verb and "menyarankan" in verb else "finds"
        found.append((query, promise, word or tag or ""))
    return found


def test_the_how_to_search_page_has_examples_to_test() -> None:
    promises = {promise for _, promise, _ in _examples()}
    assert len(_examples()) >= 5 and promises == {"finds", "suggests"}


@pytest.mark.parametrize(("query", "promise", "word"), _examples())
def test_each_example_of_the_how_to_search_page_works(
        page: Page, base: str, query: str, promise: str, word: str) -> None:
    found = search(page, base, query)
    if promise == "suggests":
        assert found == []
        expect(page.locator("#search-suggest a", has_text=word)).to_be_visible()
        return
    assert found, f"the documented example {query!r} finds nothing"
    why = page.locator(".search-result__why").all_inner_texts()
    if word and " " not in word and "-" not in word:
        assert word.casefold() in marked_words(page), (query, word, marked_words(page))
    else:
        assert marked_words(page) or why, f"{query!r}: nothing shows why it matched"
