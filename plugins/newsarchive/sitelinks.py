"""Site-relative links in bodies (`[arsip](/archives/)`, which `check` accepts) follow SITEURL.

A link starting with one `/` points at the root of the host. On a site published under a path
(`SITEURL=https://example.org/arsip`) it leaves the site, on the page and in the feeds:
/archives/ instead of /arsip/archives/. So when SITEURL is absolute (publishconf.py) such links
get it as their prefix, like every link the theme writes; previews (SITEURL "", served at the
root) keep them as written.
"""

from __future__ import annotations

import re
from typing import Any

# Bodies are serialised by the sanitiser (sanitize.py): attributes always in double quotes.
_SITE_RELATIVE = re.compile(r'(<[^>]*\s(?:href|src)=")/(?!/)')


def follow_siteurl(content: Any) -> None:
    """`content_object_init`: prefix the body's site-relative links with an absolute SITEURL."""
    siteurl = str(content.settings.get("SITEURL") or "").rstrip("/")
    body = getattr(content, "_content", None)
    if body and '="/' in body and siteurl.startswith(("http://", "https://")):
        content._content = _SITE_RELATIVE.sub(lambda m: f"{m.group(1)}{siteurl}/", body)
