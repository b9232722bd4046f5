"""Atom feeds carry summaries as `<summary type="html">`: a hand-written Summary holding markup
must reach a feed reader as inert as it reaches a page (sanitize.py, `feed_generated`)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build_site

ATOM = "{http://www.w3.org/2005/Atom}"
SUMMARY_WITH_HANDLER = """Title: Ringkasan dengan gambar
Date: 2021-03-03T09:00:00+07:00
Slug: ringkasan-gambar
Lang: id
Category: Nagorno-Karabakh
Tags: Armenia
Summary: Awal <img src=x onerror="window.__xss=1"> dan <a href="javascript:alert(1)">x</a> akhir
Synthetic: true

Badan artikel yang biasa saja tentang gencatan senjata.
"""


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("feeds")
    content = root / "content"
    shutil.copytree(FIXTURES / "security" / "content", content)
    (content / "articles" / "2021" / "gambar.md").write_text(SUMMARY_WITH_HANDLER, "utf-8")
    build_site(content, root / "site")
    return sorted((root / "site" / "feeds").rglob("*.atom.xml"))


def _html_fields(feed: Path) -> list[str]:
    """The HTML a feed reader renders: every summary and content of type html."""
    entries = ET.parse(feed).getroot().iter(f"{ATOM}entry")
    return [field.text or "" for entry in entries for name in ("summary", "content")
            for field in entry.iter(f"{ATOM}{name}") if field.get("type") == "html"]


def test_hand_written_summaries_with_script_or_handlers_are_inert_in_every_feed(
        feeds: list[Path]) -> None:
    assert feeds, "the site has Atom feeds"
    problems, summaries = [], []
    for feed in feeds:
        for html in _html_fields(feed):
            soup = BeautifulSoup(html, "html.parser")
            summaries.append(soup.get_text())
            problems += [f"{feed.name}: <script>" for _ in soup.find_all("script")]
            for tag in soup.find_all(True):
                for name, value in tag.attrs.items():
                    text = " ".join(value) if isinstance(value, list) else str(value)
                    if name.lower().startswith("on") or "javascript:" in text.lower():
                        problems.append(f"{feed.name}: <{tag.name} {name}={text[:40]}>")
    assert problems == []
    assert any("Awal" in text and "akhir" in text for text in summaries), \
        "the summary's harmless text reaches the feed"
    assert any("ringkasan" in text for text in summaries)
