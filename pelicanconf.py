"""Pelican settings for local builds and preview (`make html`, `make devserver`).

Settings are plain data. `publishconf.py` imports these and overrides what differs for the
published site.
"""

from jinja2 import StrictUndefined

SITENAME = "Arsip Konflik Kaukasus"
SITESUBTITLE = "Arsip berita tentang konflik di Kaukasus"
AUTHOR = "Redaksi Arsip"
SITEURL = ""
# Feeds need a domain even in development, or `--fatal warnings` trips on them.
FEED_DOMAIN = "http://127.0.0.1:8000"

PATH = "content"
ARTICLE_PATHS = ["articles"]
# The category is the conflict (`Category:`), never the year folder an article is filed in.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Lain-lain"
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
# Raw seeds are published beside the site so every article can link to its source text.
RAW_SEEDS_PATH = "seeds"

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsarchive"]

# Only Markdown: the rST reader warns about the `id` language under --fatal warnings.
READERS = {"rst": None, "htm": None, "html": None}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}
# Summaries are plain text written by the importer: no second Markdown pass.
FORMATTED_FIELDS: list[str] = []

# Stable permalinks and directory-style URLs.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = DRAFT_URL
DRAFT_LANG_SAVE_AS = DRAFT_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
SOURCE_URL = "source/{slug}/"
SOURCE_SAVE_AS = "source/{slug}/index.html"
SOURCES_URL = "sources/"
SOURCES_SAVE_AS = "sources/index.html"
NOT_FOUND_SAVE_AS = "404.html"
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
# Nobody browses by author or reads per-author pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""

DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "search"]
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "source": None}
# Page 2 of tag `topik-14` must not be `tag/topik-142.html`: pages live in their own folder.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Atom feeds: whole site, per tag, per category (per source: the plugin).
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
SOURCE_FEED_ATOM = "feeds/source/{slug}.atom.xml"
FEED_MAX_ITEMS = 50
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = False
# Output is byte-identical between builds of the same content.
WITH_FUTURE_DATES = True
OUTPUT_SOURCES = False

# Pagefind: only article bodies are indexed; the index is written to output/pagefind/.
PAGEFIND_ENABLED = True
# Content Security Policy, sent as a <meta> tag by every page (docs/search.md has the header
# form for hosts). Nothing may load from another site; bodies are sanitised, so the one inline
# style attribute the theme uses (chart bar heights) is allowed. The search page also needs
# WebAssembly and a blob: worker for Pagefind.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"
)
SEARCH_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
PAGEFIND_OUTPUT_SUBPATH = "pagefind"
# Pagefind holds ~250 KiB a page while indexing: above this many article pages the index is split
# into bundles of whole years, newest first (a year with more pages than this, of whole months),
# one Pagefind process each, so no process needs more than ~0.3 GiB. An edit re-indexes its
# bundle only: smaller bundles make rebuilds and newest-first searches cheaper, and searches
# that merge every bundle (relevance, oldest first) dearer; see docs/search.md.
PAGEFIND_SHARD_PAGES = 1000
# Article pages wait for Pagefind in memory, up to this many MB of HTML (~22 KB a page): Pelican
# renders faster than Pagefind indexes, and with room for the backlog it writes the tag, archive
# and feed pages meanwhile instead of waiting. A 10,000-article build never fills it.
PAGEFIND_QUEUE_MB = 256

# Theme: gettext UI strings (catalogues in theme/translations/, compiled at build time by the
# plugin), autoescape on (templates mark rendered article HTML `|safe`).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    # An unknown template variable fails the build instead of rendering as nothing.
    "undefined": StrictUndefined,
}
# Related articles by shared tags weighted by rarity (plugins/newsarchive/related.py).
RELATED_ARTICLES_COUNT = 5
RELATED_ARTICLES_CANDIDATES = 80

# Templates are not re-checked on disk for every page written (each build makes a fresh Jinja
# environment anyway, so edits still show), and Pelican's content cache — turned on by
# `make html` (CACHEOPTS) — is kept uncompressed: gzip would cost ~2 s of every warm build of
# 10,000 articles.
JINJA_ENVIRONMENT["auto_reload"] = False
GZIP_CACHE = False
