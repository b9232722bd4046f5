"""Which output paths belong to the site itself, so no article's `Save_as` or `Url` takes one.

Pelican writes an article wherever its `Save_as:` says, over anything: `Save_as: search.js` or
`sitemap.xml` replaced the search script or the sitemap, and a later incremental build deleted
the file. Articles may keep their own address under a name of their own; every file and folder
the build generates (listings, feeds, search, theme, raw seeds, year and month archives) is
refused, by `check` (tools/checks/fields.py) and again by the build (the plugin's output_guard).
"""

from __future__ import annotations

import posixpath
import re

# Top-level folders the build fills: listings, feeds, search bundles, theme files, raw seeds.
GENERATED_FOLDERS = {
    "pagefind", "theme", "feeds", "raw", "tag", "tags", "category", "categories", "archives",
    "source", "sources", "search", "drafts", "page", "figures", "data",
}
# Top-level files the build writes.
GENERATED_FILES = {"index.html", "404.html", "robots.txt", "sitemap.xml", "favicon.ico"}
ARCHIVE_INDEX_RE = re.compile(r"^\d{4}/(?:\d{2}/)?index\.html$")  # year and month listings


def reserved(value: str, field: str = "save_as") -> str | None:
    """Why `value` (a `Save_as` or `Url`) may not be used, or None when it is the article's own.

    A `Url` names the page its `Save_as` writes: `2020/x/` is the file `2020/x/index.html`.
    """
    text = value.strip()
    if not text:
        return None
    path = text.lstrip("/")
    if field == "url" and (path.endswith("/") or not path):
        path += "index.html"
    normal = posixpath.normpath(path)
    top = normal.split("/", 1)[0]
    if "\\" in text or normal.startswith("..") or "://" in text:
        return "points outside the site"
    if normal in GENERATED_FILES or ARCHIVE_INDEX_RE.match(normal):
        return f"is {normal}, a page the site generates"
    if top in GENERATED_FOLDERS and "/" in normal:
        return f"is inside {top}/, which the site generates"
    if field == "save_as" and not normal.endswith(".html"):
        return "is not an .html file (the site's scripts, feeds and data files must stay its own)"
    return None
