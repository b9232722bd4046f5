"""Copies of one story across outlets, as a reader of the research fixture site sees them.

Fixtures (tests/fixtures/research/content/articles/2020/): the trilateral statement story from
Antara, copied with small edits by Kompas and trimmed by LancangKuning; a Republika copy whose
editor wrote `Cluster: none`; an English translation an editor put in the story with
`Cluster: pernyataan-trilateral-antara`; a Reuters story on the same day in other words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ARTICLES = "2020/11/{}/index.html"


def page(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / ARTICLES.format(slug)).read_text(encoding="utf-8"),
                         "html.parser")


def story_links(html: BeautifulSoup) -> list[str]:
    box = html.select_one("section.story")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in box.select("a")] if box else []


def test_a_copy_lists_the_same_story_in_every_outlet(research_site: Path) -> None:
    html = page(research_site, "pernyataan-trilateral-kompas")
    box = html.select_one("section.story")
    assert box is not None, "the Kompas copy shows no other outlet"
    assert "Berita yang sama di 4 media" in box.h2.get_text()
    assert set(story_links(html)) >= {"pernyataan-trilateral-antara",
                                     "pernyataan-trilateral-lancangkuning",
                                     "trilateral-statement-translation"}
    assert box.select_one("[aria-current=page]").get_text() == (
        "Pernyataan Trilateral Hentikan Perang di Nagorno-Karabakh")


def test_the_earliest_copy_and_its_agency_are_named(research_site: Path) -> None:
    text = " ".join(page(research_site, "pernyataan-trilateral-lancangkuning")
                    .select_one("section.story").get_text(" ").split())
    assert ("Salinan paling awal: Armenia, Azerbaijan dan Rusia Tandatangani Pernyataan Akhiri "
            "Perang Karabakh (Antara)") in text
    assert "Kantor berita yang dikutip: AFP" in text
    earliest = page(research_site, "pernyataan-trilateral-antara").select_one("section.story")
    assert "Ini salinan paling awal di arsip." in earliest.get_text()


def test_an_english_copy_shows_the_story_in_english(research_site: Path) -> None:
    box = page(research_site, "trilateral-statement-translation").select_one("section.story")
    text = " ".join(box.get_text(" ").split())
    assert "The same story in 4 outlets" in text
    assert "grouped by an editor" in text  # its `Cluster:` header put it there


def test_an_editor_can_say_an_article_is_no_copy(research_site: Path) -> None:
    html = page(research_site, "pernyataan-trilateral-republika")
    assert html.select_one("section.story") is None
    assert "pernyataan-trilateral-republika" not in story_links(
        page(research_site, "pernyataan-trilateral-antara"))


def test_a_different_report_of_the_same_event_is_not_a_copy(research_site: Path) -> None:
    assert page(research_site, "trilateral-statement-reuters").select_one("section.story") is None


@pytest.mark.parametrize(("slug", "role"), [
    ("pernyataan-trilateral-kompas", "syndicated"),  # a later copy
    ("pernyataan-trilateral-antara", "syndicated"),  # the earliest copy, crediting AFP
    ("pernyataan-trilateral-republika", "original"),
    ("trilateral-statement-reuters", "original"),
])
def test_search_can_tell_originals_from_syndicated_copies(research_site: Path, slug: str,
                                                          role: str) -> None:
    found = page(research_site, slug).select('[data-pagefind-filter="syndication"]')
    assert [span.get_text() for span in found] == [role]
