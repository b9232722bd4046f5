"""Hostile article text, metadata and search queries end up as inert text, never as script."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, build_site

HOSTILE = FIXTURES / "security" / "content"
ARTICLE = "2021/03/serangan-hostile/index.html"
OWN_SCRIPT_PREFIXES = ("/theme/", "/pagefind/", "../", "./")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("hostile-site")
    build_site(HOSTILE, output)
    return output


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def _scripts_are_our_own(soup: BeautifulSoup) -> list[str]:
    bad = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert "</script" not in script.string.lower()
            continue
        src = script.get("src", "")
        if not src or "__xss" in src:
            bad.append(str(script)[:120])
    return bad


def test_no_page_carries_foreign_script_handlers_or_javascript_urls(hostile_site: Path) -> None:
    problems = []
    for page in _html_pages(hostile_site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        problems += [f"{page}: {s}" for s in _scripts_are_our_own(soup)]
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on"):
                    problems.append(f"{page}: handler {name}={text[:60]}")
                if text.strip().lower().startswith("javascript:"):
                    problems.append(f"{page}: {tag.name} {name}={text[:60]}")
        problems += [f"{page}: <{t.name}>" for t in soup.find_all(["iframe", "style", "svg"])]
    assert problems == []


def test_hostile_title_and_metadata_are_shown_as_text(hostile_site: Path) -> None:
    soup = BeautifulSoup((hostile_site / ARTICLE).read_text("utf-8"), "html.parser")
    assert "window.__xss_title=1" in soup.h1.get_text()
    assert "Paragraf terakhir" in soup.get_text(), "the body's harmless text must survive"
    assert soup.title.get_text().startswith("Serangan ")


def _visit(page, url: str) -> None:  # noqa: ANN001
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
def test_no_script_runs_on_any_page_showing_hostile_content(hostile_site, serve, page) -> None:
    base = serve(hostile_site)
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(m.text))
    query = quote("<script>window.__xss_q=1</script>\"' zirkonium <img src=x onerror=alert(1)>")
    for path in ("/", f"/{ARTICLE}", "/tags/", "/tag/armenia/", f"/search/?q={query}"):
        _visit(page, base + path)
        leaked = page.evaluate("Object.keys(window).filter((k) => k.startsWith('__xss'))")
        assert leaked == [], f"script from content ran on {path}: {leaked}"
        for element in page.locator("a").all():
            element.get_attribute("href")  # every link is inspectable: no crash on odd markup
    assert dialogs == []
    assert [m for m in console if "__xss" in m or "alert" in m] == []


@pytest.mark.browser
def test_hostile_query_is_shown_as_text_in_search(hostile_site, serve, page) -> None:
    base = serve(hostile_site)
    query = "<script>window.__xss_q=1</script>\"'"
    page.goto(f"{base}/search/?q={quote(query)}")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__xss_q") == "undefined"
    assert page.locator("script:not([src]):not([type='application/ld+json'])").count() == 0
