"""What a reader sees first and where they are: the home page leads with articles, the
navigation marks the current section, the tags index lists canonical names with counts, the
About page says what the archive holds today. Real Chromium on the browsing fixture site
(ten synthetic articles, project pages)."""

from __future__ import annotations

import pytest
from browse_site import browse_site, published_headers
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    return serve(browse_site(tmp_path_factory, pagefind=False))


def current(page: Page) -> dict[str, str]:
    links = page.locator("header a[aria-current]")
    return {a.inner_text(): a.get_attribute("aria-current") for a in links.all()}


def test_the_navigation_marks_the_current_section(page: Page, base: str) -> None:
    page.goto(f"{base}/tags/")
    assert current(page) == {"Topik": "page"}
    page.goto(f"{base}/tag/nagorno-karabakh/")
    assert current(page) == {"Topik": "true"}
    page.goto(f"{base}/sources/")
    assert current(page) == {"Sumber berita": "page"}
    page.goto(f"{base}/archives/")
    assert current(page) == {"Arsip": "page"}
    page.goto(f"{base}/about/")
    assert current(page) == {"Tentang": "page"}
    page.goto(f"{base}/")
    assert list(current(page).values()) == ["page"]  # the site name: this is home
    marked = page.locator(".site-nav a").first
    expect(marked).not_to_have_attribute("aria-current", "page")


def test_the_home_page_leads_with_the_articles(page: Page, base: str) -> None:
    page.goto(f"{base}/")
    main = page.locator("main")
    assert main.locator(".browse").count() == 0
    expect(main.locator("h2").first).to_have_text("Artikel terbaru")
    first_card = main.locator(".article-list > li").first.bounding_box()
    assert first_card and first_card["y"] < 400, "the first article is near the top"


def test_the_tags_index_lists_canonical_names_with_counts_and_aliases_stay_on_tag_pages(
        page: Page, base: str) -> None:
    page.goto(f"{base}/tags/")
    rows = page.locator("main .tag-list li").all_inner_texts()
    assert rows and all(row.strip().endswith("artikel") for row in rows), rows
    assert "Artsakh" not in page.locator("main").inner_text()
    page.goto(f"{base}/tag/gencatan-senjata/")
    aliases = page.locator(".aliases").inner_text()
    assert "ceasefire" in aliases
    names = [n.strip().casefold() for n in aliases.split(":", 1)[1].split(",")]
    assert "gencatan senjata" not in names and len(names) == len(set(names)), names


def test_the_about_page_says_what_the_archive_holds_today(page: Page, base: str) -> None:
    headers = published_headers()
    page.goto(f"{base}/about/")
    box = page.locator(".holdings")
    facts = dict(zip(box.locator("dt").all_inner_texts(), box.locator("dd").all_inner_texts(),
                     strict=True))
    assert facts["Artikel"] == f"{len(headers)} artikel"
    sources = {h["Source"] for h in headers if h.get("Source")}
    assert {part.rsplit(" (", 1)[0] for part in facts["Sumber berita"].split(", ")} == sources
    assert facts["Bahasa"].startswith("Indonesia (") and "Inggris (" in facts["Bahasa"]
    years = sorted(h["Date"][:4] for h in headers)
    assert years[0] in facts["Terbit antara"] and years[-1] in facts["Terbit antara"]
    text = page.locator("main").inner_text()
    assert "bahasa Inggris)" not in text and "berbahasa Indonesia (dan" not in text


def test_the_search_page_has_one_search_box(page: Page, base: str) -> None:
    page.goto(f"{base}/search/")
    expect(page.locator("input[type=search]")).to_have_count(1)
