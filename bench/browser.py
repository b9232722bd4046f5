"""Measure a cold one-word search in headless Chromium against the gzip-serving local host.

Each run opens a fresh browser context (empty cache) on the site's own search page,
`/search/?q=WORD`, exactly as a reader's shared link would, and records: the time from navigation
start to the first result link in the DOM, and every byte the server sent (split into the page
itself and the search assets under `/pagefind/`). Localhost has no network latency: times are
the CPU/parse floor.
"""

from __future__ import annotations

import logging
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.gzipserve import GzipServer

logger = logging.getLogger(__name__)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Marks the first article link (/YYYY/MM/slug/) added to the page after DOMContentLoaded.
FIRST_RESULT_PROBE = r"""
window.__firstResult = null;
const isResult = (a) => /^\/\d{4}\/\d{2}\/[^/]+\/?$/.test(a.pathname || "");
let ready = false;
document.addEventListener("DOMContentLoaded", () => { ready = true; });
new MutationObserver((mutations) => {
  if (!ready || window.__firstResult !== null) return;
  for (const m of mutations) for (const n of m.addedNodes) {
    if (n.nodeType !== 1) continue;
    const links = n.matches("a") ? [n] : [...n.querySelectorAll("a")];
    if (links.some(isResult)) { window.__firstResult = performance.now(); return; }
  }
}).observe(document, { childList: true, subtree: true });
"""


def _kind(path: str) -> str:
    """Group Pagefind files by role (for the per-asset breakdown)."""
    name = path.split("?")[0].rsplit("/", 1)[-1]
    if "/fragment/" in path:
        return "fragments"
    if "/index/" in path:
        return "chunks"
    if name.endswith(".pf_meta"):
        return "metadata"
    if name.endswith(".wasm") or "wasm." in name:
        return "wasm"
    if name.endswith(".js"):
        return "js"
    if name.endswith(".css"):
        return "css"
    if name.endswith(".json"):
        return "entry"
    return "other"


def _one_search(browser: Any, server: GzipServer, query: str,
                timeout_ms: int) -> dict[str, Any]:
    # The theme's CSP forbids eval, which Playwright's waiting helpers use; the site's own
    # scripts behave the same with or without it.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.add_init_script(FIRST_RESULT_PROBE)
        server.ledger.reset()
        page.goto(f"{server.url}/search/?{query}", wait_until="domcontentloaded")
        page.wait_for_function("window.__firstResult !== null", timeout=timeout_ms)
        first_ms = page.evaluate("window.__firstResult")
        page.wait_for_load_state("networkidle")
        entries = server.ledger.snapshot()
    finally:
        context.close()
    search = [(p, n) for p, n, _ in entries if p.startswith("/pagefind/")]
    by_kind: dict[str, int] = defaultdict(int)
    for path, size in search:
        by_kind[_kind(path)] += size
    return {
        "first_result_ms": first_ms,
        "search_bytes": sum(n for _, n in search),
        "page_bytes": sum(n for p, n, _ in entries if not p.startswith("/pagefind/")),
        "requests": len(entries),
        "by_kind": dict(sorted(by_kind.items())),
    }


def search_query(word: str, sort: str | None = None) -> str:
    """The search page's query string for a word (and a sort other than newest first)."""
    return f"q={quote(word)}" + (f"&sort={sort}" if sort else "")


def measure_searches(site: Path, searches: list[tuple[str, str]], runs: int = 3,
                     timeout_ms: int = 60_000) -> dict[str, dict[str, Any]]:
    """Per (label, query string): bytes of a cold search (first run) and median time to first
    result over runs."""
    from playwright.sync_api import sync_playwright  # dev dependency: imported only when used

    out: dict[str, dict[str, Any]] = {}
    with GzipServer(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            for label, query in searches:
                samples = [_one_search(browser, server, query, timeout_ms) for _ in range(runs)]
                result = dict(samples[0])
                result["first_result_ms"] = statistics.median(s["first_result_ms"] for s in samples)
                result["first_result_ms_all"] = [round(s["first_result_ms"]) for s in samples]
                out[label] = result
                logger.info("search %r: %.0f KiB search assets, first result %.0f ms", label,
                            result["search_bytes"] / 1024, result["first_result_ms"])
        finally:
            browser.close()
    return out
