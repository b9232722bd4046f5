"""Weight of an average article page: HTML plus the stylesheets it links (no search assets).

Sizes are given raw and gzip-compressed (level 6, what hosts typically send).
"""

from __future__ import annotations

import gzip
import re
import statistics
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

ARTICLE_GLOB = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"
_STYLESHEET = re.compile(r"<link[^>]+rel=[\"']?stylesheet[^>]*>", re.I)
_HREF = re.compile(r"href=[\"']?([^\"' >]+)", re.I)


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def stylesheets(page: Path, output: Path) -> list[Path]:
    """Local stylesheet files the page links, resolved like a browser would (not Pagefind's)."""
    html = page.read_text(encoding="utf-8")
    page_url = "/" + page.relative_to(output).as_posix()
    found: list[Path] = []
    for tag in _STYLESHEET.findall(html):
        href = _HREF.search(tag)
        if not href:
            continue
        path = urlparse(urljoin(page_url, href.group(1))).path
        local = output / path.lstrip("/")
        if "/pagefind/" not in path and local.is_file():
            found.append(local)
    return found


def article_page_weight(output: Path, sample: int = 300) -> dict[str, Any]:
    """Mean HTML size over (up to) `sample` article pages, plus the CSS of the first one."""
    pages = sorted(output.glob(ARTICLE_GLOB))
    if not pages:
        return {"pages": 0}
    step = max(1, len(pages) // sample)
    chosen = pages[::step][:sample]
    html = [p.read_bytes() for p in chosen]
    css = [p.read_bytes() for p in stylesheets(chosen[0], output)]
    html_raw = statistics.mean(len(h) for h in html)
    html_gz = statistics.mean(_gz(h) for h in html)
    css_raw = sum(len(c) for c in css)
    css_gz = sum(_gz(c) for c in css)
    return {
        "pages": len(pages),
        "sampled": len(chosen),
        "html_bytes": round(html_raw),
        "html_gzip_bytes": round(html_gz),
        "css_bytes": css_raw,
        "css_gzip_bytes": css_gz,
        "total_bytes": round(html_raw + css_raw),
        "total_gzip_bytes": round(html_gz + css_gz),
    }
