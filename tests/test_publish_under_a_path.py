"""A site published under a path (`make publish SITEURL=https://host/arsip`) stays under it.

Built with publishconf.py from tests/fixtures/check/good (the archive `check` calls good), whose
article links to others with `{filename}` and with site-relative links (`[arsip](/archives/)`),
and served from a folder where the site lives in arsip/, as on a host.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import FIXTURES, ROOT, build_site, copy_tree

pytestmark = pytest.mark.browser

ARTICLE = "2020/10/armenia-dan-azerbaijan-bertemu/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve) -> tuple[str, Path]:
    """(public address ending in /arsip, output folder) of the published fixture archive."""
    root = tmp_path_factory.mktemp("under-a-path")
    address = serve(root / "www") + "/arsip"
    content = copy_tree(FIXTURES / "check" / "good", root / "content")
    output = root / "www" / "arsip"
    build_site(content, output, settings=ROOT / "publishconf.py", env={"SITEURL": address},
               extra={"PAGEFIND_ENABLED": "false"})
    return address, output


@pytest.mark.parametrize(("text", "target", "heading"), [
    ("arsip", "archives/", "Arsip"),
    ("artikel yang sama", "2020/10/gencatan-senjata-di-karabakh/", "Gencatan Senjata di Karabakh"),
])
def test_a_site_relative_link_in_an_article_leads_to_the_page_under_the_path(
        page: Page, site: tuple[str, Path], text: str, target: str, heading: str) -> None:
    address, _ = site
    page.goto(f"{address}/{ARTICLE}")
    page.locator(".article-body a", has_text=text).first.click()
    page.wait_for_load_state()
    assert page.url == f"{address}/{target}"
    expect(page.locator("h1")).to_have_text(heading)


def test_the_feed_gives_site_relative_links_of_an_article_under_the_path(
        site: tuple[str, Path]) -> None:
    address, output = site
    feed = ET.parse(output / "feeds" / "all.atom.xml").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry")
                 if e.find(f"{ATOM}link").get("href") == f"{address}/{ARTICLE}")
    body = entry.find(f"{ATOM}content").text
    assert f'href="{address}/archives/"' in body
    assert 'href="/' not in body


def test_every_feed_is_addressed_under_the_path_and_has_its_own_id(
        site: tuple[str, Path]) -> None:
    """Every feed (site, tag, category, source) had the site's root as its atom:id, so readers
    keying feeds on it took them for one feed (RFC 4287: the id is universally unique)."""
    address, output = site
    feeds = sorted((output / "feeds").rglob("*.atom.xml"))
    assert len(feeds) >= 4
    for path in feeds:
        root = ET.parse(path).getroot()
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
        assert links["self"] == f"{address}/{path.relative_to(output).as_posix()}"
        assert links["alternate"].startswith(f"{address}/")
        assert root.find(f"{ATOM}id").text == links["self"], path.name
