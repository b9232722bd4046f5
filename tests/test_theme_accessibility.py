"""axe-core finds no violations in Chromium (light and dark); phones do not scroll sideways.

axe-core comes from npm (tests/axe/package.json); it is installed on first use with `npm ci`.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from browse_site import SEED_PAGE, browse_site

from conftest import ROOT

AXE_DIR = ROOT / "tests" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "/",
    "article": "/" + SEED_PAGE.removesuffix("index.html"),
    "tag": "/tag/nagorno-karabakh/",
    "search": "/search/?q=Pompeo",
    "events": "/events/",
}
WIDE_PAGES = {"archives": "/archives/", "year": "/2020/", "tags": "/tags/"}
PHONE = {"width": 360, "height": 740}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.exists():
        if not shutil.which("npm"):
            pytest.skip("npm is needed to install axe-core")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR)],
                       check=True, capture_output=True, timeout=300)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    return serve(browse_site(tmp_path_factory, pagefind=True))


def _violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v =>
            `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
    }""")
    return found


def _open(page, url: str, name: str) -> None:
    page.goto(url)
    if name == "search":
        page.locator("main a[href*='/2020/']").first.wait_for(timeout=15000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(browser, base_url: str, axe_source: str, name: str,
                                 scheme: str) -> None:
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    try:
        _open(page, base_url + PAGES[name], name)
        assert _violations(page, axe_source) == []
    finally:
        context.close()


@pytest.mark.parametrize("name", [*PAGES, "archives", "year", "tags"])
def test_pages_fit_a_360_px_phone(browser, base_url: str, name: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        _open(page, base_url + {**PAGES, **WIDE_PAGES}[name], name)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} is {width}px wide"
    finally:
        context.close()


def test_keyboard_user_can_skip_to_the_content(browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base_url + PAGES["article"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main"
    finally:
        context.close()
