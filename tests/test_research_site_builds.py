"""The research fixture site builds with the real theme and plugin, and stays test data."""
from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES


def test_every_research_fixture_is_marked_as_test_data() -> None:
    articles = sorted((FIXTURES / "research" / "content").rglob("*.md"))
    assert articles
    for article in articles:
        header = article.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert "Synthetic: true" in header.splitlines(), f"{article} is not marked Synthetic: true"


def test_research_site_articles_are_published(research_site: Path) -> None:
    page = research_site / "2023/09/azerbaijan-launches-operation-in-karabakh/index.html"
    assert "Azerbaijan Launches Military Operation" in page.read_text(encoding="utf-8")
