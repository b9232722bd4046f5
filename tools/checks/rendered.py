"""Judge what an article's Markdown renders to, not how its source looks.

`[x](javascript:...)` written by an editor renders a script link; the same characters escaped by
the importer (`\\[x\\](javascript:...)`) or inside a code span render as text. Only the rendered
HTML tells them apart, so a body with anything suspicious in it is rendered with Pelican's own
Markdown settings and its elements and attributes are inspected as a browser would read them.
Bodies without `<`, `&` or `script` cannot hold any of this and are not rendered (the check stays
fast on a large archive).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "form", "style", "meta", "base",
                  "frame", "frameset", "applet", "svg", "math", "link"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "background", "cite", "srcset"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# What a browser ignores in a URL: ASCII tab and newlines anywhere, controls and spaces around.
_URL_NOISE = re.compile(r"[\t\n\r]")


@lru_cache(maxsize=1)
def markdown_settings() -> dict[str, Any]:
    """Pelican's MARKDOWN setting from pelicanconf.py, with the extension Pelican adds (meta)."""
    from pelican.settings import read_settings

    settings = dict(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"])
    extensions = list(settings.get("extensions", []))
    for name in [*settings.get("extension_configs", {}), "markdown.extensions.meta"]:
        if name not in extensions:
            extensions.append(name)
    return {**settings, "extensions": extensions}


def render(text: str) -> str:
    """The HTML Pelican's Markdown reader makes of a whole file (header included, as Pelican)."""
    from markdown import Markdown

    return Markdown(**markdown_settings()).convert(text)


def script_url(value: str) -> str | None:
    """The scheme (`javascript`, ...) when a browser would run `value` (entities already
    decoded) as script; None otherwise."""
    cleaned = _URL_NOISE.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                              "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                              "\x19\x1a\x1b\x1c\x1d\x1e\x1f ").lower()
    return cleaned.split(":", 1)[0] if cleaned.startswith(SCRIPT_SCHEMES) else None


class _Inspector(HTMLParser):
    """Collects (kind, detail) for each dangerous element, event handler and script URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.found.append(("tag", tag))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(("handler", name))
            elif name in URL_ATTRIBUTES and value and script_url(value):
                self.found.append(("url", script_url(value) or ""))


def rendered_problems(text: str) -> list[tuple[str, str]]:
    """What the rendered file holds that would run in a reader's browser; [] for plain bodies."""
    if "<" not in text and "&" not in text and "script" not in text.lower():
        return []  # (three substring tests are ~100x faster than one case-insensitive regex)
    inspector = _Inspector()
    inspector.feed(render(text))
    inspector.close()
    return inspector.found


def source_line(body: list[tuple[int, str]], kind: str, detail: str) -> int:
    """The first body line that can have produced the problem (its first line otherwise)."""
    if kind == "tag":
        needle = re.compile(rf"<\s*{re.escape(detail)}\b", re.I)
    elif kind == "handler":
        needle = re.compile(rf"\b{re.escape(detail)}\s*=", re.I)
    else:
        needle = re.compile(r"script\s*:|data\s*:", re.I)
    for number, line in body:
        if needle.search(html.unescape(_URL_NOISE.sub("", line))):
            return number
    return body[0][0] if body else 1
