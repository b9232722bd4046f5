"""Reading or searching the archive makes no request to any other site, under a strict CSP."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, build_site

PAGES = ("/", "/2021/03/serangan-hostile/", "/tags/", "/tag/armenia/", "/archives/",
         "/search/?q=zirkonium")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("third-party")
    build_site(FIXTURES / "security" / "content", output)
    return output


@pytest.mark.browser
def test_every_request_goes_to_the_sites_own_origin(site, serve, page) -> None:
    base = serve(site)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in PAGES:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert any("/pagefind/" in url for url in requests), "the search page really searched"
    foreign = [url for url in requests
               if not url.startswith((base + "/", "data:", "blob:"))]
    assert foreign == []


@pytest.mark.browser
def test_every_page_works_under_its_content_security_policy(site, serve, page) -> None:
    base = serve(site)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (e) =>"
        " console.error('Content Security violation ' + e.violatedDirective));"
    )
    for path in (*PAGES, "/2021/"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, path
        assert "default-src 'self'" in policy.get_attribute("content")
    assert violations == []
