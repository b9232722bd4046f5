"""Related articles: two articles that share telling tags point at each other, even in an
archive where every article carries those tags (a small archive, or one about one conflict)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.newsarchive.related import rank_related

from conftest import FIXTURES, build_site

CONTENT = FIXTURES / "related" / "content"
GENEVA = "Menlu Armenia dan Azerbaijan Bertemu di Jenewa"
WASHINGTON = "Menlu Armenia dan Azerbaijan Bertemu di Washington"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("related-site")
    build_site(CONTENT, output, extra={"PAGEFIND_ENABLED": "false"})
    return output


def related_titles(page: Path) -> list[str]:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a.get_text() for a in html.select(".related li a")]


def test_two_articles_sharing_five_tags_are_related_on_the_built_site(site: Path) -> None:
    geneva = site / "2020" / "10" / "pertemuan-di-jenewa" / "index.html"
    washington = site / "2020" / "10" / "pertemuan-di-washington" / "index.html"
    assert related_titles(geneva) == [WASHINGTON]
    assert related_titles(washington) == [GENEVA]


def test_a_tag_every_article_carries_still_relates_them() -> None:
    everywhere = frozenset({"Armenia", "Azerbaijan"})
    assert rank_related([everywhere, everywhere], count=5, budget=80) == [[1], [0]]


def test_a_rare_shared_tag_still_beats_common_ones_and_ties_go_to_the_nearer_date() -> None:
    common = frozenset({"Armenia", "Azerbaijan"})
    tag_sets = [common | {"Pompeo"}, common, common, frozenset({"Pompeo"}), common]
    assert rank_related(tag_sets, count=3, budget=100)[0] == [3, 1, 2]
