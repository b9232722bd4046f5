"""Settings for the published site (`make publish`): absolute URLs and feeds."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://arsip-kaukasus.example.org")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True

# Drafts (`Status: draft`) are built for preview only: the published site has no drafts/ pages.
# Pelican's writer skips an empty save_as; feeds, sitemap and search already leave drafts out.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
