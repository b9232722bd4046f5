"""Screenshots of a built site for a person to look at (`make screenshots`): home, article, tag.

Usage: python tests/screenshots.py [SITE_DIR] [OUT_DIR]   (defaults: output/ and screenshots/)
Serves SITE_DIR on 127.0.0.1, opens Debian's Chromium at desktop and phone widths, light and dark.
"""

from __future__ import annotations

import functools
import http.server
import logging
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

logger = logging.getLogger("screenshots")
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
PREFERRED_TAG = "tag/nagorno-karabakh/index.html"


class SiteError(RuntimeError):
    """The site folder has no page of a kind to photograph."""


def pick_pages(site: Path) -> dict[str, str]:
    """URL paths of the home page, the newest article and the preferred (or first) tag page."""
    articles = sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"), reverse=True)
    tags = [site / PREFERRED_TAG] if (site / PREFERRED_TAG).exists() else sorted(
        site.glob("tag/*/index.html"))
    if not (site / "index.html").exists() or not articles or not tags:
        raise SiteError(f"{site}: build the site first (make html): need a home, an article, a tag")
    return {"home": "/", "article": _url(site, articles[0]), "tag": _url(site, tags[0])}


def _url(site: Path, page: Path) -> str:
    return "/" + str(page.parent.relative_to(site)) + "/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def take(site: Path, out: Path) -> list[Path]:
    """Write <page>-<width>-<scheme>.png for each page, width and colour scheme; return paths."""
    pages = pick_pages(site)
    out.mkdir(parents=True, exist_ok=True)
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for width_name, viewport in WIDTHS.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=viewport, color_scheme=scheme)
                    page = context.new_page()
                    for name, path in pages.items():
                        page.goto(base + path)
                        target = out / f"{name}-{width_name}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        written.append(target)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    site = Path(argv[0]) if argv else Path("output")
    out = Path(argv[1]) if len(argv) > 1 else Path("screenshots")
    try:
        written = take(site, out)
    except SiteError as exc:
        logger.error("%s", exc)
        return 1
    logger.info("Wrote %d screenshots to %s/", len(written), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
