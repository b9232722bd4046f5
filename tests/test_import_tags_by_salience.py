"""Tags say what an article is about: a place named once in passing is not a tag, and the most
telling tags come first (cards on the home and listing pages show the first four)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tools.importer.article import Article
from tools.importer.tagging import tag_article
from tools.vocabulary import load_vocabulary

from conftest import ROOT

SEED_ARTICLE = (ROOT / "content" / "articles" / "2020"
                / "armenia-dan-azerbaijan-akan-bertemu-terpisah-dengan-menlu-as.md")


def tagged(title: str, *paragraphs: str) -> Article:
    article = Article(path=Path("synthetic.txt"), text="")
    article.title, article.paragraphs = title, list(paragraphs)
    tag_article(article, load_vocabulary())
    return article


def test_a_place_named_once_in_passing_is_not_a_tag() -> None:
    article = tagged(
        "Armenia dan Azerbaijan Bertempur Lagi di Nagorno-Karabakh",
        "Pertempuran di Nagorno-Karabakh kembali pecah antara Armenia dan Azerbaijan.",
        "Karabakh dihujani roket; Armenia menuduh Azerbaijan, Azerbaijan menuduh Armenia.",
        "Sebelumnya kedua menteri bertemu di Washington.")
    assert "Washington" not in article.tags
    assert set(article.tags[:3]) == {"Nagorno-Karabakh", "Armenia", "Azerbaijan"}


def test_a_person_named_once_is_kept_and_the_title_counts_most() -> None:
    article = tagged("Pompeo Menerima Menlu Armenia",
                     "Menteri luar negeri Armenia bertemu di Washington.",
                     "Nikol Pashinyan menyambut pertemuan itu.")
    assert article.tags[0] == "Armenia"
    assert "Nikol Pashinyan" in article.tags


def test_the_seed_keeps_its_topics_and_drops_places_in_passing() -> None:
    head = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    tags = dict(line.split(": ", 1) for line in head.splitlines())["Tags"].split(", ")
    assert len(tags) <= 12
    assert "Nagorno-Karabakh" in tags[:4]
    assert not {"Washington", "Moskow", "Iran", "Baku", "Yerevan"} & set(tags)


@pytest.mark.browser
def test_the_seed_card_on_the_home_page_shows_nagorno_karabakh(
        page: Page, project_site: Path, serve) -> None:
    page.goto(serve(project_site) + "/")
    card = page.locator("main li", has_text="Armenia dan Azerbaijan Akan Bertemu").first
    chips = [c.strip() for c in card.locator(".chips a").all_inner_texts()]
    assert len(chips) == 4 and "Nagorno-Karabakh" in chips, chips
