"""Sanitise every article's and page's rendered HTML before any template sees it.

Article bodies come from scraped text and hand-written Markdown, and Markdown passes raw HTML
through. Whatever slipped past the importer's escaping and the checker (`<script>`, event
handlers, `javascript:` links, iframes) is removed here with nh3, a maintained sanitiser, so
templates can mark content `|safe`. Page-level landmarks are not allowed inside a body either:
an article must not add a second <header>, <nav> or <footer> to the page. Images hosted
elsewhere lose their `src`: a reader's browser makes no request to any other site (the CSP
says `img-src 'self' data:`), so an archived article cannot track its readers.
"""

from __future__ import annotations

from typing import Any

import nh3

_LANDMARKS = {"article", "aside", "footer", "header", "nav", "hgroup", "map", "area", "center"}
ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) - _LANDMARKS) | {"tfoot"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "title", "id", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "sup": {"id"},
    "li": {"id"},
    "div": {"class"},
    "th": {"scope", "colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_EXTERNAL = ("http:", "https:", "//")


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src" and value.strip().lower().startswith(_EXTERNAL):
        return None
    return value


# Built once: `nh3.clean(html, **options)` converts the allow-lists for every call, 40% of its
# time on article bodies (measured on 1,000 bench articles: 0.19 -> 0.11 s, output identical).
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    attribute_filter=_keep_attribute,
    link_rel="noopener noreferrer",
    filter_style_properties={"text-align"},
)


def clean_html(html: str) -> str:
    """Return `html` with everything that could run script or restyle the page removed."""
    return _CLEANER.clean(html)


def sanitize_content(instance: Any) -> None:
    """`content_object_init` handler: clean the body HTML the reader produced."""
    content = getattr(instance, "_content", None)
    if content:
        instance._content = clean_html(content)
