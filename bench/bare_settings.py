"""Bare Pelican, the baseline: its default theme (notmyidea), no plugins, Pelican's defaults.

Only what reading the same content needs is set: the site's timezone and language (so dates and
translations are handled as in the project). Feeds, pagination, caching: Pelican's defaults.
"""

AUTHOR = "Benchmark"
SITENAME = "Bare Pelican baseline"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
PLUGINS: list[str] = []
