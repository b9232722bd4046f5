"""Settings for the published site (`make publish`): absolute URLs and feeds."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The public address of the site (canonical links, feeds, sitemap, search results), from the
# environment: `make publish SITEURL=https://arsip.example.net`. There is no default: a
# placeholder would be written into every link of the published site.
PLACEHOLDER_SITEURL = "https://arsip-kaukasus.example.org"
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not SITEURL.startswith(("https://", "http://")) or SITEURL == PLACEHOLDER_SITEURL:
    raise SystemExit(
        "publishconf.py: SITEURL is not set to the site's public address"
        + (f" (it is {SITEURL!r})" if SITEURL else "")
        + "; every link, feed and the sitemap would point to the wrong place. Set it, e.g.\n"
        "  make publish SITEURL=https://arsip.example.net\n"
        "(or `export SITEURL=https://...` once); see docs/editing.md, section 9."
    )
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True

# Drafts (`Status: draft`) are built for preview only: the published site has no drafts/ pages.
# Pelican's writer skips an empty save_as; feeds, sitemap and search already leave drafts out.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
